package org.consentry.outbox.boundary;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.consentry.outbox.control.OutboxDelivery;
import org.consentry.outbox.control.OutboxListing;
import org.consentry.platform.boundary.ProblemAnswer;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An admin's view of one family of outbox deliveries (to the CRM recipients, to the bots and the desk, to
 * the host applications): listed newest first without personal data, and a failed one sent again with
 * the same webhook-id, audited. Each subclass names its path and the kinds it shows. The role is here: a
 * class-level @RolesAllowed covers only the methods its class declares, so one on a subclass would leave
 * these inherited methods open to every signed-in user (EndpointMatrixIT caught exactly that).
 */
@RolesAllowed("admin")
public abstract class DeliveriesResource {

    @Inject
    OutboxListing outbox;

    /** The kinds shown, by prefix ("crm."). */
    protected abstract List<String> families();

    /** What a delivery of the family is called in the audit ("CRM delivery"). */
    protected abstract String what();

    @GET
    @Transactional
    @Operation(summary = "Deliveries of this family, newest first, without personal data")
    public List<OutboxDelivery> list(@QueryParam("status") @Pattern(regexp = "PENDING|DELIVERED|FAILED|CANCELLED",
                                             message = "must be PENDING, DELIVERED, FAILED or CANCELLED") String status,
                                     @QueryParam("recipient") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,40}",
                                             message = "must be a recipient id") String recipient,
                                     @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return outbox.list(families(), status, recipient, limit);
    }

    @POST
    @Path("{id}/retry")
    @Transactional
    @Operation(summary = "Send a failed delivery again (same webhook-id), audited")
    @ProblemAnswer(status = 409, value = "not-failed: only a failed delivery is sent again")
    public OutboxDelivery retry(@PathParam("id") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a delivery id") String id) {
        return outbox.retry(id, families(), what());
    }
}
