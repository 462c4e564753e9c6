package org.consentry.auditstream.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.consentry.auditstream.control.StreamSource;
import org.consentry.retention.control.JobLock;

/**
 * The two transactions of a shipped batch, with the sink's I/O between them and outside both: read what
 * comes next, then (lease still held) move the cursor past it. No request waits on either.
 */
@ApplicationScoped
public class ShipSteps {

    @Inject
    StreamSource source;

    @Inject
    JobLock lock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public StreamSource.Batch next(String sink, int limit) {
        return source.next(sink, limit);
    }

    /** False when this server lost the sink's lease or its cursor moved: the batch then counts for nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean shipped(StreamSource.Batch batch, String owner, Duration lease) {
        return lock.renew(AuditShipper.job(batch.sink()), owner, lease) && source.shipped(batch);
    }
}
