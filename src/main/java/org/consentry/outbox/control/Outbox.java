package org.consentry.outbox.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * Puts deliveries in the outbox, in the caller's transaction: the change and the promise to send it
 * commit together, or neither does. Once the transaction commits, the worker is woken.
 */
@Dependent
public class Outbox {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<Enqueued> enqueued;

    @Inject
    DeliveryTraces traces;

    /** Fired when an entry is stored; the worker observes it after the commit. */
    public record Enqueued(String entryId) {
    }

    /** A delivery sent at once, in the lane its kind names ({@link OutboxEntry#laneOf}). */
    public OutboxEntry enqueue(String kind, String subjectId, String reference, String target) {
        return enqueueTo(OutboxEntry.laneOf(kind), kind, subjectId, reference, target, null);
    }

    /**
     * A delivery to {@code recipient}, not sent before {@code notBefore} (null: at once). Each recipient's
     * deliveries are sent in a lane of their own: one that is down or slow delays no other.
     */
    public OutboxEntry enqueueTo(String recipient, String kind, String subjectId, String reference, String target,
                                 Instant notBefore) {
        OutboxEntry entry = new OutboxEntry(recipient, kind, subjectId, reference, target, clock.instant());
        if (notBefore != null) {
            entry.deferTo(notBefore);
        }
        em.persist(entry);
        traces.remember(entry);
        enqueued.fire(new Enqueued(entry.id()));
        return entry;
    }

    /**
     * Cancels the subject's pending deliveries of {@code kinds} to {@code recipient} (one being sent right
     * now ends cancelled too: its outcome is no longer recorded). Returns the cancelled entries' ids.
     */
    public java.util.List<String> cancelPending(String recipient, String subjectId, java.util.List<String> kinds, String why) {
        java.util.List<OutboxEntry> pending = em.createQuery("SELECT e FROM OutboxEntry e WHERE e.recipient = :r"
                        + " AND e.subjectId = :s AND e.kind IN :kinds AND e.status = :pending", OutboxEntry.class)
                .setParameter("r", recipient).setParameter("s", subjectId).setParameter("kinds", kinds)
                .setParameter("pending", OutboxEntry.Status.PENDING).getResultList();
        Instant now = clock.instant();
        pending.forEach(e -> e.cancel(why, now));
        return pending.stream().map(OutboxEntry::id).toList();
    }

    /** Whether the recipient may hold data of the subject through {@code kinds}: one was delivered, tried or is being sent. */
    public boolean reached(String recipient, String subjectId, java.util.List<String> kinds) {
        return !em.createQuery("SELECT e.id FROM OutboxEntry e WHERE e.recipient = :r AND e.subjectId = :s"
                        + " AND e.kind IN :kinds AND (e.status = :delivered OR e.attempts > 0 OR e.leaseOwner IS NOT NULL)",
                        String.class)
                .setParameter("r", recipient).setParameter("s", subjectId).setParameter("kinds", kinds)
                .setParameter("delivered", OutboxEntry.Status.DELIVERED).setMaxResults(1).getResultList().isEmpty();
    }
}
