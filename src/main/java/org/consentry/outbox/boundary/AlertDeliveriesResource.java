package org.consentry.outbox.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The alerts sent to the alert webhook (consentry.alerts.webhook.*), for the admin who must see that the
 * monitoring system stopped taking them: one it refused (a 4xx) or that kept failing past
 * consentry.outbox.give-up-after is FAILED until it is sent again here, audited, as a CRM delivery is.
 */
@Path("alerts/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "audit")
public class AlertDeliveriesResource extends DeliveriesResource {

    static final List<String> FAMILIES = List.of("alerts.");

    @Override
    protected List<String> families() {
        return FAMILIES;
    }

    @Override
    protected String what() {
        return "alert";
    }
}
