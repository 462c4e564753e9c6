package org.consentry.crmsync.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.control.Recipients;
import org.consentry.crmsync.entity.FieldRule;
import org.consentry.outbox.entity.OutboxEntry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The CRM recipients as an admin sees them: configuration (never the secret) and how each is doing:
 * its deliveries by status, its last error, its last delivery. State: OK when its latest attempt
 * delivered, RETRYING when that attempt failed and will be tried again, FAILING when deliveries gave
 * up and wait for an admin, IDLE before any attempt.
 */
@Path("crm/recipients")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "crm")
public class CrmRecipientsResource {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Recipients recipients;

    public enum State { OK, RETRYING, FAILING, IDLE }

    /** One recipient and its deliveries. */
    public record RecipientView(String id, String connector, String where, List<String> purposes, Map<String, FieldRule> fields,
                                State state, String lastError, Instant lastErrorAt, Instant lastDeliveredAt, long pending,
                                long delivered, long failed, long cancelled) {
    }

    @GET
    @Transactional
    @Operation(summary = "The CRM recipients with their field policies, state, last error and deliveries by status")
    public List<RecipientView> list() {
        Map<String, Map<OutboxEntry.Status, Long>> counts = new TreeMap<>();
        for (Object[] row : em.createQuery("SELECT e.recipient, e.status, COUNT(e) FROM OutboxEntry e"
                + " WHERE e.kind LIKE 'crm.%' GROUP BY e.recipient, e.status", Object[].class).getResultList()) {
            counts.computeIfAbsent((String) row[0], r -> new EnumMap<>(OutboxEntry.Status.class))
                    .put((OutboxEntry.Status) row[1], ((Number) row[2]).longValue());
        }
        return recipients.all().stream().map(r -> view(r, counts.getOrDefault(r.id(), Map.of()))).toList();
    }

    private RecipientView view(RecipientSettings r, Map<OutboxEntry.Status, Long> count) {
        Optional<OutboxEntry> latest = latest(r.id(), "e.lastAttemptAt IS NOT NULL");
        Optional<OutboxEntry> error = latest(r.id(), "e.lastAttemptAt IS NOT NULL AND e.status <> :delivered");
        Optional<OutboxEntry> delivered = latest(r.id(), "e.status = :delivered");
        long failed = count.getOrDefault(OutboxEntry.Status.FAILED, 0L);
        State state = latest.isEmpty() ? State.IDLE
                : latest.get().status() == OutboxEntry.Status.DELIVERED ? (failed > 0 ? State.FAILING : State.OK)
                : latest.get().status() == OutboxEntry.Status.PENDING ? State.RETRYING
                : latest.get().status() == OutboxEntry.Status.FAILED ? State.FAILING : State.OK;
        return new RecipientView(r.id(), r.type(), r.where(), r.purposes(), new TreeMap<>(r.fields()), state,
                error.map(OutboxEntry::lastOutcome).orElse(null), error.map(OutboxEntry::lastAttemptAt).orElse(null),
                delivered.map(OutboxEntry::deliveredAt).orElse(null), count.getOrDefault(OutboxEntry.Status.PENDING, 0L),
                count.getOrDefault(OutboxEntry.Status.DELIVERED, 0L), failed,
                count.getOrDefault(OutboxEntry.Status.CANCELLED, 0L));
    }

    private Optional<OutboxEntry> latest(String recipient, String condition) {
        var query = em.createQuery("SELECT e FROM OutboxEntry e WHERE e.recipient = :r AND e.kind LIKE 'crm.%' AND "
                + condition + " ORDER BY e.lastAttemptAt DESC", OutboxEntry.class).setParameter("r", recipient);
        if (condition.contains(":delivered")) {
            query.setParameter("delivered", OutboxEntry.Status.DELIVERED);
        }
        return query.setMaxResults(1).getResultStream().findFirst();
    }
}
