package org.consentry.escalation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import org.consentry.outbox.control.OutboxDelivery;
import org.consentry.outbox.control.OutboxListing;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What escalations sent out, for the admin who must see a bot that no longer hears its agents: the agents'
 * replies and the handoff statuses to the bots (recipient callback: to a bot's callback URL, or through its
 * platform's adapter) and what went to Chatwoot when agents work there (recipient chatwoot-desk). A failed
 * one can be sent again, audited, as a CRM delivery can.
 */
@Path("escalations/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "escalations")
public class EscalationDeliveriesResource {

    static final List<String> FAMILIES = List.of("callback.", "desk.");

    @Inject
    OutboxListing outbox;

    @GET
    @Transactional
    @Operation(summary = "Deliveries of escalations to bots, bot platforms and the Chatwoot desk, newest first, without personal data")
    public List<OutboxDelivery> list(@QueryParam("status") @Pattern(regexp = "PENDING|DELIVERED|FAILED|CANCELLED",
                                             message = "must be PENDING, DELIVERED, FAILED or CANCELLED") String status,
                                     @QueryParam("recipient") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}",
                                             message = "must be a recipient: callback or chatwoot-desk") String recipient,
                                     @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return outbox.list(FAMILIES, status, recipient, limit);
    }

    @POST
    @Path("{id}/retry")
    @Transactional
    @Operation(summary = "Send a failed delivery of an escalation again")
    public OutboxDelivery retry(@PathParam("id") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a delivery id") String id) {
        return outbox.retry(id, FAMILIES, "escalation delivery");
    }
}
