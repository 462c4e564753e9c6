package org.consentry.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.consentry.platform.control.RateLimits;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes the rate-limit buckets that are full again (past their expires_at) every
 * consentry.rate-limits.prune-every (PT10M; PT0S: never): a sign-in spray of made-up names leaves one
 * bucket per name, and the table must not grow with every guess. Every server runs it; deleting a row
 * another server deletes too is harmless, and a bucket in use is never past its expiry.
 */
@ApplicationScoped
public class RateBucketPruning {

    private static final Logger LOG = Logger.getLogger(RateBucketPruning.class.getName());
    private static final int BATCH = 1000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RateLimits limits;

    @Inject
    @ConfigProperty(name = "consentry.rate-limits.prune-every", defaultValue = "PT10M")
    Duration every;

    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!every.isZero() && !every.isNegative()) {
            schedule = scheduler.scheduleWithFixedDelay(this::run, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void run() {
        try {
            int found;
            do {
                found = limits.pruneExpired(BATCH); // a full batch: more may be waiting
            } while (found == BATCH);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "rate-bucket-pruning", e);
        }
    }
}
