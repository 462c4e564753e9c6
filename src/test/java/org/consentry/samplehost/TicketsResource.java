package org.consentry.samplehost;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The helpdesk's API: its tickets (with the customer's name, e-mail and message, which it handles as plain
 * values), syncing a customer to its CRM (guarded), and what it synced (not guarded).
 */
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketsResource {

    @Inject
    CrmSyncBean crm;

    @Inject
    Tickets tickets;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject open(JsonObject form) {
        return view(tickets.open(form.getString("customer"), form.getString("name"), form.getString("email"),
                form.getString("message")));
    }

    /** A callback request, stored through an entity that lacks the client's listener (a host's mistake). */
    @POST
    @Path("callbacks")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject callBack(JsonObject form) {
        tickets.callBack(form.getString("customer"), form.getString("phone"));
        return Json.createObjectBuilder().add("stored", true).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return view(tickets.find(id).orElseThrow(NotFoundException::new));
    }

    @GET
    public JsonObject ofCustomer(@QueryParam("customer") String customer) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        tickets.ofCustomer(customer).forEach(t -> list.add(view(t)));
        return Json.createObjectBuilder().add("tickets", list).build();
    }

    @PUT
    @Path("{id}/message")
    @Consumes(MediaType.TEXT_PLAIN)
    public JsonObject reword(@PathParam("id") String id, String message) {
        return view(tickets.reword(id, message).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("{id}/close")
    public JsonObject close(@PathParam("id") String id) {
        return view(tickets.close(id).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("{customer}/sync")
    public JsonObject sync(@PathParam("customer") String customer) {
        crm.sync(customer, "resolved ticket");
        return Json.createObjectBuilder().add("synced", customer).build();
    }

    /** A test's switch: "down" makes the helpdesk's own CRM store fail, anything else mends it. */
    @PUT
    @Path("crm-store")
    @Consumes(MediaType.TEXT_PLAIN)
    public JsonObject crmStore(String state) {
        crm.storeDown("down".equals(state));
        return Json.createObjectBuilder().add("down", "down".equals(state)).build();
    }

    @GET
    @Path("synced")
    public List<String> synced() {
        return crm.synced();
    }

    private static JsonObject view(Ticket t) {
        JsonObjectBuilder view = Json.createObjectBuilder().add("id", t.id()).add("customer", t.customer()).add("status", t.status());
        add(view, "name", t.name());
        add(view, "email", t.email());
        add(view, "message", t.message());
        return view.build();
    }

    private static void add(JsonObjectBuilder view, String key, String value) {
        if (value == null) {
            view.addNull(key);
        } else {
            view.add(key, value);
        }
    }
}
