package org.consentry.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.consentry.platform.control.Periodic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes the rate-limit buckets that are full again (past their expires_at) every
 * consentry.rate-limits.prune-every (PT10M; PT0S: never): a sign-in spray of made-up names leaves one
 * bucket per name, and the table must not grow with every guess. Every server runs it; deleting a row
 * another server deletes too is harmless, and a bucket in use is never past its expiry. Each batch is a
 * transaction of its own ({@link RateBucketPruneBatch}).
 */
@ApplicationScoped
public class RateBucketPruning {

    private static final Logger LOG = Logger.getLogger(RateBucketPruning.class.getName());
    private static final int BATCH = 1000;

    @Inject
    Periodic pruning;

    @Inject
    RateBucketPruneBatch batch;

    @Inject
    @ConfigProperty(name = "consentry.rate-limits.prune-every", defaultValue = "PT10M")
    Duration every;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!every.isZero() && !every.isNegative()) {
            pruning.start(every, LOG, "rate-bucket-pruning", this::run);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        pruning.stop();
    }

    private void run() {
        int found;
        do {
            found = batch.prune(BATCH); // a full batch: more may be waiting
        } while (found == BATCH);
    }
}
