package org.consentry.retention.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.platform.boundary.SubjectId;
import org.consentry.retention.control.RetentionStamps;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("subjects/{subjectId}/relationship-end")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
@RolesAllowed("crm")
@Tag(name = "retention")
public class RelationshipEndResource {

    @Inject
    RetentionStamps stamps;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** When the relationship ended and how many rows of each table now count down. */
    public record Ended(String subjectId, Instant endedAt, Map<String, Integer> stamped) {
    }

    @POST
    @Operation(summary = "The customer relationship with the subject ended",
            description = "Signalled by the CRM with its own service account (role crm, which may do nothing else): the "
                    + "retention clock of the subject's data in categories kept until the relationship ends (contact, "
                    + "by default) starts now. Audited. An admin may not: least privilege keeps this call apart from "
                    + "export, erasure and keys.")
    public Ended ended(@PathParam("subjectId") @SubjectId String subjectId) {
        Instant now = clock.instant();
        Map<String, Integer> stamped = stamps.relationshipEnded(subjectId, now);
        audit.record(new AuditEntry("retention.relationship-end", null, subjectId, null, Outcome.DONE, "stamped " + stamped));
        return new Ended(subjectId, now, stamped);
    }
}
