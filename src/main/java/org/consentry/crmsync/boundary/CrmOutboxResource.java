package org.consentry.crmsync.boundary;

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

@Path("crm/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "crm")
public class CrmOutboxResource {

    static final List<String> CRM = List.of("crm.");

    @Inject
    OutboxListing outbox;

    @GET
    @Transactional
    @Operation(summary = "Deliveries to the CRM recipients, newest first, without personal data")
    public List<OutboxDelivery> list(@QueryParam("status") @Pattern(regexp = "PENDING|DELIVERED|FAILED|CANCELLED",
                                             message = "must be PENDING, DELIVERED, FAILED or CANCELLED") String status,
                                     @QueryParam("recipient") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}",
                                             message = "must be a recipient id") String recipient,
                                     @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return outbox.list(CRM, status, recipient, limit);
    }

    @POST
    @Path("{id}/retry")
    @Transactional
    @Operation(summary = "Send a failed delivery again (same webhook-id)")
    public OutboxDelivery retry(@PathParam("id") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a delivery id") String id) {
        return outbox.retry(id, CRM, "CRM delivery");
    }
}
