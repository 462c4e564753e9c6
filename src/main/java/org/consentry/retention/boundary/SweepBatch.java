package org.consentry.retention.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.consentry.retention.control.SweepBatches;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionAction;
import org.consentry.retention.entity.SweepRun;

/** The steps of a sweep (see Sweeper), each in a transaction of its own: the run opened, one batch, the run closed. */
@ApplicationScoped
public class SweepBatch {

    @Inject
    SweepBatches batches;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SweepRun openRun(String by, Instant now) {
        return batches.openRun(by, now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SweepBatches.Batch expire(String runId, String owner, Duration lease, RetainedTable table, RetentionAction action,
                                     Instant now, int limit) {
        return batches.expire(runId, owner, lease, table, action, now, limit);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SweepRun closeRun(String runId, Instant now) {
        return batches.closeRun(runId, now);
    }
}
