package org.consentry.escalation.desk.chatwoot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.VendorHttp;

/**
 * The calls the desk makes to Chatwoot's application API, with the access token in the api_access_token
 * header, through VendorHttp: a failed call ends the attempt naming only the method and path template.
 */
final class DeskApi {

    private static final VendorHttp HTTP = new VendorHttp("chatwoot-desk");

    private final String base;
    private final String token;
    final long inbox;

    DeskApi(DeskSettings settings) {
        this.base = settings.accountBase();
        this.token = settings.accessToken();
        this.inbox = settings.inbox();
    }

    /** The contact whose identifier is exactly {@code identifier}, if an earlier attempt made it. */
    Optional<JsonObject> contactByIdentifier(String identifier) {
        JsonObject found = get("/contacts/search?q=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8), "/contacts/search");
        return found.getJsonArray("payload").getValuesAs(JsonObject.class).stream()
                .filter(c -> identifier.equals(c.get("identifier") instanceof jakarta.json.JsonString s ? s.getString() : null))
                .findFirst();
    }

    /** A contact in the API inbox; its answer carries the contact inbox's source id. */
    JsonObject createContact(String identifier, String name) {
        return post("/contacts", "/contacts", JSON.createObjectBuilder().add("inbox_id", inbox).add("name", name)
                .add("identifier", identifier).build()).getJsonObject("payload");
    }

    /** A new source id of the contact in the API inbox (for a conversation after a lost answer). */
    String sourceId(long contact) {
        return post("/contacts/" + contact + "/contact_inboxes", "/contacts/{id}/contact_inboxes",
                JSON.createObjectBuilder().add("inbox_id", inbox).build()).getString("source_id");
    }

    List<JsonObject> conversationsOf(long contact) {
        return get("/contacts/" + contact + "/conversations", "/contacts/{id}/conversations")
                .getJsonArray("payload").getValuesAs(JsonObject.class);
    }

    /** A conversation marked with the escalation's id (custom attribute consentry_escalation_id); its display id. */
    long createConversation(String sourceId, long contact, String escalationId) {
        return post("/conversations", "/conversations", JSON.createObjectBuilder().add("source_id", sourceId)
                .add("inbox_id", inbox).add("contact_id", contact).add("status", "open")
                .add("custom_attributes", JSON.createObjectBuilder().add(Markers.ESCALATION_ATTRIBUTE, escalationId))
                .build()).getJsonNumber("id").longValue();
    }

    /** The conversation's latest messages (Chatwoot answers the last page). */
    List<JsonObject> messages(long conversation) {
        return get("/conversations/" + conversation + "/messages", "/conversations/{id}/messages")
                .getJsonArray("payload").getValuesAs(JsonObject.class);
    }

    /** A message carrying Consentry's marker in its content attributes. */
    void postMessage(long conversation, String content, boolean incoming, boolean note, String marker) {
        post("/conversations/" + conversation + "/messages", "/conversations/{id}/messages", JSON.createObjectBuilder()
                .add("content", content).add("message_type", incoming ? "incoming" : "outgoing").add("private", note)
                .add("content_type", "text")
                .add("content_attributes", JSON.createObjectBuilder().add(Markers.MARKER_ATTRIBUTE, marker)).build());
    }

    void resolve(long conversation) {
        post("/conversations/" + conversation + "/toggle_status", "/conversations/{id}/toggle_status",
                JSON.createObjectBuilder().add("status", "resolved").build());
    }

    /**
     * Deletes a contact, and so its conversations (Chatwoot: dependent destroy). 404: gone already, the same
     * outcome; 422: Chatwoot keeps an online contact, so the attempt is repeated later.
     */
    void deleteContact(long contact) {
        String template = "/contacts/{id}";
        VendorHttp.Answer answer = HTTP.send(VendorHttp.request(uri("/contacts/" + contact)).header("api_access_token", token)
                .DELETE().build());
        if (answer.status() == 422) {
            throw new VendorHttp.Failed(new DeliveryResult.Retry("chatwoot-desk DELETE " + template + " answered 422 (the contact is online)"));
        }
        if (!answer.ok() && answer.status() != 404) {
            throw new VendorHttp.Failed(HTTP.failure("DELETE", template, answer));
        }
    }

    private JsonObject get(String path, String template) {
        VendorHttp.Answer answer = HTTP.expectOk(VendorHttp.request(uri(path)).header("api_access_token", token).GET().build(),
                template);
        return HTTP.object(answer, template);
    }

    private JsonObject post(String path, String template, JsonObject body) {
        VendorHttp.Answer answer = HTTP.expectOk(VendorHttp.json(VendorHttp.request(uri(path)).header("api_access_token", token),
                "POST", body).build(), template);
        return HTTP.object(answer, template);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
