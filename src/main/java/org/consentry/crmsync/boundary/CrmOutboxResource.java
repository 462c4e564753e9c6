package org.consentry.crmsync.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.control.SubjectRefs;
import org.consentry.audit.entity.Outcome;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("crm/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "crm")
public class CrmOutboxResource {

    public static final ProblemType NOT_FAILED = new ProblemType("not-failed", 409, "Only a failed delivery is retried");

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    SubjectRefs refs;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A delivery to the CRM as admins see it: what, how it went, whom it concerned (as a keyed reference). */
    public record Delivery(String id, String recipient, String kind, String status, int attempts, Instant createdAt,
                           Instant nextAttemptAt, Instant lastAttemptAt, String lastOutcome, Instant deliveredAt, String subjectRef) {
    }

    @GET
    @Transactional
    @Operation(summary = "Deliveries to the CRM recipients, newest first, without personal data")
    public List<Delivery> list(@QueryParam("status") @Pattern(regexp = "PENDING|DELIVERED|FAILED|CANCELLED",
                                       message = "must be PENDING, DELIVERED, FAILED or CANCELLED") String status,
                               @QueryParam("recipient") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}",
                                       message = "must be a recipient id") String recipient,
                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        var query = em.createQuery("SELECT e FROM OutboxEntry e WHERE e.kind LIKE 'crm.%'"
                + (status == null ? "" : " AND e.status = :status") + (recipient == null ? "" : " AND e.recipient = :recipient")
                + " ORDER BY e.createdAt DESC", OutboxEntry.class);
        if (status != null) {
            query.setParameter("status", OutboxEntry.Status.valueOf(status));
        }
        if (recipient != null) {
            query.setParameter("recipient", recipient);
        }
        return query.setMaxResults(limit).getResultStream().map(this::view).toList();
    }

    @POST
    @Path("{id}/retry")
    @Transactional
    @Operation(summary = "Send a failed delivery again (same webhook-id)")
    public Delivery retry(@PathParam("id") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a delivery id") String id) {
        OutboxEntry entry = em.find(OutboxEntry.class, id);
        if (entry == null || !entry.kind().startsWith("crm.")) {
            throw new ProblemException(Problems.NOT_FOUND, "No CRM delivery " + id + ".");
        }
        if (entry.status() != OutboxEntry.Status.FAILED) {
            throw new ProblemException(NOT_FAILED, "Delivery " + id + " is " + entry.status() + ".");
        }
        entry.retry(clock.instant());
        audit.record(new AuditEntry("outbox.retry", null, entry.subjectId(), null, Outcome.DONE, entry.kind() + " " + id));
        return view(entry);
    }

    private Delivery view(OutboxEntry e) {
        return new Delivery(e.id(), e.recipient(), e.kind(), e.status().name(), e.attempts(), e.createdAt(), e.nextAttemptAt(),
                e.lastAttemptAt(), e.lastOutcome(), e.deliveredAt(), refs.of(e.subjectId()));
    }
}
