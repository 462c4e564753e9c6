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
import org.consentry.consent.boundary.CarriedConsent;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.platform.boundary.SubjectId;
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

    /** The queued delivery: its id is the webhook-id the CRM will see. */
    public record Queued(String deliveryId, String status) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bot")
    @Operation(summary = "Send a captured lead's contact to the CRM",
            description = "Needs the subject's current consent to crm-sync (else 403 consent-required and nothing "
                    + "leaves): send the customer's consent as member consent ({noticeVersion, channel, evidence}) and it "
                    + "is recorded with the lead, in one transaction. The contact is sealed here and delivered through "
                    + "the outbox, fields minimised as consentry.purposes.crm-sync.fields.* say.")
    public Response capture(@PathParam("subjectId") @SubjectId String subjectId, @NotNull @Valid LeadRequest lead) {
        OutboxEntry queued = consents.recordThen(subjectId, "crm-sync", lead.consent(), () -> sync.captureLead(subjectId, lead));
        return Response.accepted(new Queued(queued.id(), queued.status().name())).build();
    }
}
