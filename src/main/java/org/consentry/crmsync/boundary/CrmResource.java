package org.consentry.crmsync.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.consentry.consent.boundary.CarriedConsent;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.platform.boundary.SubjectId;
import org.consentry.platform.boundary.Success;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("subjects/{subjectId}/crm-sync")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "crm", description = "Sync with the helpdesk/CRM (purpose crm-sync)")
public class CrmResource {

    @Inject
    CrmSync sync;

    @Inject
    CarriedConsent consents;

    /**
     * The queued deliveries, one per recipient; each id is the webhook-id (or idempotency key) that
     * recipient sees. {@code deliveryId} and {@code status} are the first's, as in earlier releases.
     */
    public record Queued(String deliveryId, String status, List<Delivery> deliveries) {
    }

    /** One recipient's delivery of the lead. */
    public record Delivery(String recipient, String deliveryId, String status) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bot")
    @Operation(summary = "Send a captured lead's contact to the CRM",
            description = "Needs the subject's current consent to crm-sync (else 403 consent-required and nothing "
                    + "leaves): send the customer's consent as member consent ({noticeVersion, channel, evidence}) and it "
                    + "is recorded with the lead, in one transaction. The contact is sealed here and delivered through "
                    + "the outbox, fields minimised as consentry.purposes.crm-sync.fields.* say.")
    @Success(status = 202, value = "Queued for each CRM recipient of the purpose: the deliveries to follow")
    public Response capture(@PathParam("subjectId") @SubjectId String subjectId, @NotNull @Valid LeadRequest lead) {
        List<OutboxEntry> queued = consents.recordThen(subjectId, "crm-sync", lead.consent(), () -> sync.captureLead(subjectId, lead));
        List<Delivery> deliveries = queued.stream().map(e -> new Delivery(e.recipient(), e.id(), e.status().name())).toList();
        return Response.accepted(new Queued(deliveries.isEmpty() ? null : deliveries.get(0).deliveryId(),
                deliveries.isEmpty() ? "NOT_QUEUED" : deliveries.get(0).status(), deliveries)).build();
    }
}
