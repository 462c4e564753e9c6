package org.consentry.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.consentry.platform.control.RateLimits;

/** Deletes one batch of expired rate-limit buckets in a transaction (see RateBucketPruning). */
@ApplicationScoped
public class RateBucketPruneBatch {

    @Inject
    RateLimits limits;

    /** Answers how many expired buckets the batch found: fewer than {@code batch}, none are left. */
    @Transactional
    public int prune(int batch) {
        return limits.pruneExpired(batch);
    }
}
