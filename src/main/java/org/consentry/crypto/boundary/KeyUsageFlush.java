package org.consentry.crypto.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.consentry.crypto.control.KeyUsage;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes this server's encryption counts every consentry.keys.usage-flush-interval (default PT10S) and
 * once more when the application stops; a failed write keeps the counts for the next.
 */
@ApplicationScoped
public class KeyUsageFlush {

    private static final Logger LOG = Logger.getLogger(KeyUsageFlush.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    KeyUsage usage;

    @Inject
    KeyUsageFlush self;

    @Inject
    @ConfigProperty(name = "consentry.keys.usage-flush-interval", defaultValue = "PT10S")
    Duration every;

    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalStateException("consentry.keys.usage-flush-interval must be positive: " + every);
        }
        schedule = scheduler.scheduleWithFixedDelay(this::flush, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
        flush();
    }

    /** Writes what was counted; returns whether the write succeeded (or there was nothing to write). */
    public boolean flush() {
        KeyUsage.Counts counts = usage.take();
        if (counts.isEmpty()) {
            return true;
        }
        try {
            self.write(counts);
            return true;
        } catch (RuntimeException e) {
            usage.giveBack(counts);
            SafeLog.failure(LOG, "key usage counts", e);
            return false;
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(KeyUsage.Counts counts) {
        usage.write(counts);
    }
}
