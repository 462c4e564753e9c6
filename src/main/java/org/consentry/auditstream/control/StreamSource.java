package org.consentry.auditstream.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.consentry.audit.control.AuditChain;
import org.consentry.audit.control.Checkpoint;
import org.consentry.audit.control.CheckpointSigner;
import org.consentry.audit.entity.AuditEvent;
import org.consentry.auditstream.entity.SinkCursor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a sink receives next: the linked events after its cursor, in chain order, with a signed checkpoint
 * after every {@code consentry.audit.checkpoint.every-events} positions and, when
 * {@code consentry.audit.checkpoint.every} has passed since the last one, after the batch (also when no
 * event came: the checkpoint restates the head). Runs in the caller's transaction.
 */
@ApplicationScoped
public class StreamSource {

    private static final Logger LOG = Logger.getLogger(StreamSource.class.getName());

    /** A batch for a sink: its entries, the position it ends at, and the last checkpoint in it (null if none). */
    public record Batch(String sink, long from, long to, List<StreamEntry> entries, Checkpoint checkpoint, boolean full) {
    }

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    AuditChain chain;

    @Inject
    CheckpointSigner signer;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "consentry.audit.checkpoint.every-events", defaultValue = "1000")
    long everyEvents;

    @Inject
    @ConfigProperty(name = "consentry.audit.checkpoint.every", defaultValue = "PT5M")
    Duration every;

    public Batch next(String sink, int limit) {
        Instant now = clock.instant();
        SinkCursor cursor = cursor(sink, now);
        List<AuditEvent> events = em.createQuery("SELECT e FROM AuditEvent e WHERE e.chainSeq > :after ORDER BY e.chainSeq",
                        AuditEvent.class).setParameter("after", cursor.shippedSeq()).setMaxResults(limit).getResultList();
        List<StreamEntry> entries = new ArrayList<>();
        long checkpointSeq = cursor.checkpointSeq();
        Checkpoint last = null;
        long to = cursor.shippedSeq();
        for (AuditEvent event : events) {
            final long before = to;
            if (event.chainSeq() != to + 1) {
                // Linking commits positions in order, so a gap is a removed row: shipping goes on (a stalled
                // stream would hide everything after it), the receiver sees the jump, verification names it.
                LOG.warning(() -> "audit sink " + sink + ": positions " + (before + 1) + " to " + (event.chainSeq() - 1)
                        + " are missing from the audit table");
            }
            entries.add(StreamEntry.of(ShippedEvent.of(event)));
            to = event.chainSeq();
            if (to - checkpointSeq >= everyEvents) {
                last = signer.sign(to, event.keyVersion(), event.hash(), now);
                entries.add(StreamEntry.of(last));
                checkpointSeq = to;
            }
        }
        boolean timeDue = Duration.between(cursor.checkpointAt(), now).compareTo(every) >= 0;
        if (to > 0 && (last == null || last.seq() != to) && timeDue) {
            var head = chain.at(to).orElse(null);
            if (head != null) {
                last = signer.sign(to, head.keyVersion(), head.hash(), now);
                entries.add(StreamEntry.of(last));
            }
        }
        return new Batch(sink, cursor.shippedSeq(), to, entries, last, events.size() == limit);
    }

    /** Moves the sink's cursor past a batch it has taken; false when another server moved it meanwhile. */
    public boolean shipped(Batch batch) {
        SinkCursor cursor = em.find(SinkCursor.class, batch.sink(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (cursor == null || cursor.shippedSeq() != batch.from()) {
            return false;
        }
        Checkpoint checkpoint = batch.checkpoint();
        cursor.shipped(batch.to(), clock.instant(), checkpoint == null ? null : checkpoint.seq(),
                checkpoint == null ? null : Instant.parse(checkpoint.at()));
        return true;
    }

    /** The sink's cursor; a sink seen for the first time starts at the chain's start. */
    public SinkCursor cursor(String sink, Instant now) {
        SinkCursor cursor = em.find(SinkCursor.class, sink);
        if (cursor == null) {
            cursor = new SinkCursor(sink, now);
            em.persist(cursor);
            em.flush();
        }
        return cursor;
    }
}
