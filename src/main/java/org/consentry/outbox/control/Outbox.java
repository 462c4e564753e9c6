package org.consentry.outbox.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    /** Fired when an entry is stored; the worker observes it after the commit. */
    public record Enqueued(String entryId) {
    }

    public OutboxEntry enqueue(String kind, String subjectId, String reference, String target) {
        OutboxEntry entry = new OutboxEntry(kind, subjectId, reference, target, clock.instant());
        em.persist(entry);
        enqueued.fire(new Enqueued(entry.id()));
        return entry;
    }

    /** Drops what was not sent yet for a subject (erasure): returns how many. */
    public int cancelPending(String subjectId) {
        List<OutboxEntry> pending = em.createQuery("SELECT e FROM OutboxEntry e WHERE e.subjectId = :subject"
                        + " AND e.status IN :open", OutboxEntry.class)
                .setParameter("subject", subjectId)
                .setParameter("open", List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.FAILED))
                .getResultList();
        Instant now = clock.instant();
        pending.forEach(e -> e.cancel("cancelled: subject erased", now));
        return pending.size();
    }
}
