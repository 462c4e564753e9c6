package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.consentry.outbox.boundary.DeliveriesResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("crm/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "crm")
public class CrmOutboxResource extends DeliveriesResource {

    static final List<String> CRM = List.of("crm.");

    @Override
    protected List<String> families() {
        return CRM;
    }

    @Override
    protected String what() {
        return "CRM delivery";
    }
}
