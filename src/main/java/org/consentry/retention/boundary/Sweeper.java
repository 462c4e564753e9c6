package org.consentry.retention.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.retention.control.JobLock;
import org.consentry.retention.control.RetainedTables;
import org.consentry.retention.control.RetentionPolicies;
import org.consentry.retention.control.SweepBatches;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionPolicy;
import org.consentry.retention.entity.SweepRun;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention sweep: every category's due rows, table by table, in batches of
 * consentry.retention.sweep.batch (default 10000), each batch its own transaction ({@link SweepBatch}).
 * One sweep at a time among all servers on the database (a JobLock lease of
 * consentry.retention.sweep.lease, PT2M, renewed in every batch). A sweep that stops half-way (the server stopped or died) leaves its run RUNNING and
 * its lease to expire; the next sweep continues that run, so its counts are the whole sweep's.
 * Pending re-stamps after a policy change, and rows stored before retention existed, are stamped
 * first: nothing goes by an outdated stamp, nothing is kept for want of one.
 */
@ApplicationScoped
public class Sweeper {

    public static final ProblemType RUNNING = new ProblemType("sweep-running", 409, "A retention sweep is running");

    private final String server = UUID.randomUUID().toString().substring(0, 8);

    @PersistenceUnit(unitName = "consentry")
    EntityManagerFactory emf;

    @Inject
    JobLock lock;

    @Inject
    SweepBatch batches;

    @Inject
    Restamping restamping;

    @Inject
    RetentionPolicies policies;

    @Inject
    RetainedTables tables;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "consentry.retention.sweep.batch", defaultValue = "10000")
    int batchSize;

    @Inject
    @ConfigProperty(name = "consentry.retention.sweep.lease", defaultValue = "PT2M")
    Duration lease;

    private volatile boolean stopping;

    /** Sweeps now; a 409 problem when another sweep holds the lock. */
    public SweepRun sweep() {
        String owner = server + ":" + UUID.randomUUID();
        if (!lock.acquire(SweepBatches.JOB, owner, lease)) {
            String holder = lock.holder(SweepBatches.JOB).map(h -> " (lease until " + h.until() + ")").orElse("");
            throw new ProblemException(RUNNING, "Another retention sweep is running" + holder + ": try again when it ends.");
        }
        try {
            restamping.finishPending();
            restamping.stampUnstamped();
            Instant now = clock.instant();
            SweepRun run = batches.openRun(caller.name(), now);
            for (RetentionPolicy policy : policies.all()) {
                for (RetainedTable table : tables.inCategory(policy.category())) {
                    SweepBatches.Batch batch;
                    do {
                        if (stopping) {
                            return run; // the next sweep continues this run
                        }
                        batch = batches.expire(run.id(), owner, lease, table, policy.action(), now, batchSize);
                        emf.getCache().evictAll();
                    } while (batch.more());
                }
            }
            SweepRun done = batches.closeRun(run.id(), clock.instant());
            AuditEntry summary = new AuditEntry("retention.sweep", null, null, null, Outcome.DONE, "run " + done.id()
                    + ": deleted " + done.deleted() + ", anonymised " + done.anonymized() + ", by category "
                    + done.byCategory());
            if (Caller.SYSTEM.equals(caller.name())) {
                audit.recordAs("retention-sweep", summary);
            } else {
                audit.record(summary);
            }
            return done;
        } finally {
            lock.release(SweepBatches.JOB, owner);
        }
    }

    /** The application is stopping: a running sweep ends after its current batch. */
    public void stop() {
        stopping = true;
    }
}
