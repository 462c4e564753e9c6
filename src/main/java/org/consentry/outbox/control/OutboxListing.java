package org.consentry.outbox.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.control.SubjectRefs;
import org.consentry.audit.entity.Outcome;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.Problems;

/**
 * The outbox as an admin reads and repairs it, one family of deliveries at a time (the kinds that begin
 * with a prefix: crm., callback., desk.): newest first, the subject as a keyed reference, and a failed
 * delivery sent again (audited). Runs in the caller's transaction.
 */
@Dependent
public class OutboxListing {

    public static final ProblemType NOT_FAILED = new ProblemType("not-failed", 409, "Only a failed delivery is retried");

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    SubjectRefs refs;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Deliveries whose kind begins with one of {@code families}; {@code status} and {@code recipient} narrow it (null: any). */
    public List<OutboxDelivery> list(List<String> families, String status, String recipient, int limit) {
        var query = em.createQuery("SELECT e FROM OutboxEntry e WHERE (" + kindIn(families) + ")"
                + (status == null ? "" : " AND e.status = :status") + (recipient == null ? "" : " AND e.recipient = :recipient")
                + " ORDER BY e.createdAt DESC", OutboxEntry.class);
        for (int i = 0; i < families.size(); i++) {
            query.setParameter("family" + i, families.get(i) + "%");
        }
        if (status != null) {
            query.setParameter("status", OutboxEntry.Status.valueOf(status));
        }
        if (recipient != null) {
            query.setParameter("recipient", recipient);
        }
        return query.setMaxResults(limit).getResultStream().map(this::view).toList();
    }

    /** Sends a failed delivery of one of {@code families} again, audited; 404 for any other id, 409 when it has not failed. */
    public OutboxDelivery retry(String id, List<String> families, String what) {
        OutboxEntry entry = em.find(OutboxEntry.class, id);
        if (entry == null || families.stream().noneMatch(entry.kind()::startsWith)) {
            throw new ProblemException(Problems.NOT_FOUND, "No " + what + " " + id + ".");
        }
        if (entry.status() != OutboxEntry.Status.FAILED) {
            throw new ProblemException(NOT_FAILED, "Delivery " + id + " is " + entry.status() + ".");
        }
        entry.retry(clock.instant());
        audit.record(new AuditEntry("outbox.retry", null, entry.subjectId(), null, Outcome.DONE, entry.kind() + " " + id));
        return view(entry);
    }

    private static String kindIn(List<String> families) {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < families.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("e.kind LIKE :family").append(i);
        }
        return where.toString();
    }

    private OutboxDelivery view(OutboxEntry e) {
        return new OutboxDelivery(e.id(), e.recipient(), e.kind(), e.status().name(), e.attempts(), e.createdAt(),
                e.nextAttemptAt(), e.lastAttemptAt(), e.lastOutcome(), e.deliveredAt(), refs.of(e.subjectId()));
    }
}
