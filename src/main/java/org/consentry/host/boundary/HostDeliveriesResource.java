package org.consentry.host.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.consentry.outbox.boundary.DeliveriesResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What went to the host applications (consent changes and erasures), for the admin who must see a host
 * that no longer takes them: an erasure waits for every host's receipt, and a notice a host refused (a 4xx)
 * or that kept failing past consentry.outbox.give-up-after is FAILED until it is sent again here, audited,
 * as a CRM delivery is.
 */
@Path("host-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "host", description = "What a host application's client jar asks")
public class HostDeliveriesResource extends DeliveriesResource {

    static final List<String> FAMILIES = List.of("host.");

    @Override
    protected List<String> families() {
        return FAMILIES;
    }

    @Override
    protected String what() {
        return "host notice";
    }
}
