package org.consentry.escalation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.consentry.outbox.boundary.DeliveriesResource;
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
@Tag(name = "escalations")
public class EscalationDeliveriesResource extends DeliveriesResource {

    static final List<String> FAMILIES = List.of("callback.", "desk.");

    @Override
    protected List<String> families() {
        return FAMILIES;
    }

    @Override
    protected String what() {
        return "escalation delivery";
    }
}
