package org.consentry.samplehost;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The helpdesk's API: syncing a customer to its CRM (guarded), and what it synced (not guarded). */
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketsResource {

    @Inject
    CrmSyncBean crm;

    @POST
    @Path("{customer}/sync")
    public JsonObject sync(@PathParam("customer") String customer) {
        crm.sync(customer, "resolved ticket");
        return Json.createObjectBuilder().add("synced", customer).build();
    }

    @GET
    @Path("synced")
    public List<String> synced() {
        return crm.synced();
    }
}
