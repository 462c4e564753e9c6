package org.consentry.crypto.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.consentry.crypto.control.KeyUsage;
import org.consentry.platform.control.Periodic;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes this server's encryption counts every consentry.keys.usage-flush-interval (default PT10S) and
 * once more when the application stops; a failed write keeps the counts for the next.
 */
@ApplicationScoped
public class KeyUsageFlush {

    private static final Logger LOG = Logger.getLogger(KeyUsageFlush.class.getName());

    @Inject
    KeyUsage usage;

    @Inject
    KeyUsageWrite writing;

    @Inject
    Periodic flushing;

    @Inject
    @ConfigProperty(name = "consentry.keys.usage-flush-interval", defaultValue = "PT10S")
    Duration every;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalStateException("consentry.keys.usage-flush-interval must be positive: " + every);
        }
        flushing.start(every, LOG, "key usage counts", this::flush);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        flushing.stop();
        flush();
    }

    /** Writes what was counted; returns whether the write succeeded (or there was nothing to write). */
    public boolean flush() {
        KeyUsage.Counts counts = usage.take();
        if (counts.isEmpty()) {
            return true;
        }
        try {
            writing.write(counts);
            return true;
        } catch (RuntimeException e) {
            usage.giveBack(counts);
            SafeLog.failure(LOG, "key usage counts", e);
            return false;
        }
    }
}
