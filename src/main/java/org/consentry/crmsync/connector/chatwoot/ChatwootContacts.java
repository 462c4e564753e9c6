package org.consentry.crmsync.connector.chatwoot;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.outbox.control.DeliveryResult;

/**
 * Finds, links, creates and updates the subject's Chatwoot contact. The contact is the one whose
 * identifier is the subject id. When there is none but Chatwoot already knows the customer under the
 * same e-mail or phone (a contact the website widget made, without an identifier), that contact is
 * linked: it gets the identifier and the fields, instead of a second contact that Chatwoot would refuse
 * with 422 "Email has already been taken". A contact with the same e-mail or phone and another
 * identifier belongs to someone else's records: the attempt is rejected for an admin to merge.
 */
final class ChatwootContacts {

    static final String CONTACT = "/contacts/{id}";
    private static final Set<String> UNIQUE = Set.of("email", "phone_number");

    private final ChatwootApi api;

    ChatwootContacts(ChatwootApi api) {
        this.api = api;
    }

    /** The contact's id after the upsert, and what was left out of it. */
    record Upserted(long id, Set<String> leftOut) {
    }

    Upserted upsert(String subjectId, ContactFields fields) {
        Optional<JsonObject> mine = byIdentifier(subjectId);
        if (mine.isPresent()) {
            return update(id(mine.get()), fields, Optional.empty());
        }
        Optional<JsonObject> same = sameCustomer(fields);
        if (same.isPresent()) {
            return link(same.get(), subjectId, fields);
        }
        JsonObject body = fields.body(Optional.of(subjectId)).add("inbox_id", api.inbox).build();
        VendorHttp.Answer created = api.send("POST", "/contacts", body);
        if (created.ok()) {
            JsonObject payload = api.object(created, "/contacts").getJsonObject("payload");
            return new Upserted(id(payload.getJsonObject("contact")), fields.leftOut());
        }
        Set<String> taken = refused(api.ok422("POST", "/contacts", created));
        // another attempt, or the widget, made the contact since the look-up: link to it, else leave the value out
        Optional<JsonObject> now = byIdentifier(subjectId).or(() -> sameCustomer(fields));
        if (now.isPresent()) {
            return link(now.get(), subjectId, fields);
        }
        if (taken.isEmpty() || !UNIQUE.containsAll(taken)) {
            throw new VendorHttp.Failed(api.failure("POST", "/contacts", created, "attributes " + taken));
        }
        ContactFields rest = fields.without(taken);
        JsonObject again = api.post("/contacts", "/contacts", rest.body(Optional.of(subjectId)).add("inbox_id", api.inbox).build());
        return new Upserted(id(again.getJsonObject("payload").getJsonObject("contact")), rest.leftOut());
    }

    /** The contact that carries the subject id as its identifier (Chatwoot's search matches parts: compared exactly). */
    Optional<JsonObject> byIdentifier(String subjectId) {
        return search(subjectId).filter(c -> subjectId.equals(string(c, "identifier"))).findFirst();
    }

    /** A contact with the same e-mail (Chatwoot keeps e-mails in lower case), else the same E.164 phone. */
    private Optional<JsonObject> sameCustomer(ContactFields fields) {
        return fields.email().flatMap(email -> search(email).filter(c -> email.equalsIgnoreCase(string(c, "email"))).findFirst())
                .or(() -> fields.phone().flatMap(phone -> search(phone)
                        .filter(c -> phone.equals(string(c, "phone_number"))).findFirst()));
    }

    /** The first page (15) of what GET /contacts/search finds: name, e-mail, phone or identifier containing q. */
    private Stream<JsonObject> search(String q) {
        return api.get("/contacts/search?q=" + ChatwootApi.query(q), "/contacts/search").stream()
                .flatMap(found -> found.getJsonArray("payload").getValuesAs(JsonObject.class).stream());
    }

    private Upserted link(JsonObject contact, String subjectId, ContactFields fields) {
        String identifier = string(contact, "identifier");
        if (identifier != null && !identifier.isBlank() && !identifier.equals(subjectId)) {
            throw new VendorHttp.Failed(new DeliveryResult.Rejected("chatwoot: a contact with the subject's e-mail or phone"
                    + " carries another identifier; merge or correct it in Chatwoot, then retry"));
        }
        return update(id(contact), fields, Optional.of(subjectId));
    }

    private Upserted update(long id, ContactFields fields, Optional<String> identifier) {
        String path = "/contacts/" + id;
        VendorHttp.Answer answer = api.send("PUT", path, fields.body(identifier).build());
        if (answer.ok()) {
            return new Upserted(id, fields.leftOut());
        }
        Set<String> taken = refused(api.ok422("PUT", CONTACT, answer));
        if (taken.isEmpty() || !UNIQUE.containsAll(taken)) {
            throw new VendorHttp.Failed(api.failure("PUT", CONTACT, answer, "attributes " + taken));
        }
        ContactFields rest = fields.without(taken);
        api.ok("PUT", CONTACT, api.send("PUT", path, rest.body(identifier).build()));
        return new Upserted(id, rest.leftOut());
    }

    /** The attributes a 422 names ({"message": ..., "attributes": ["email"]}): names only, never the message. */
    private Set<String> refused(VendorHttp.Answer answer) {
        try {
            JsonValue attributes = api.object(answer, "/contacts").get("attributes");
            return attributes instanceof jakarta.json.JsonArray list ? list.getValuesAs(JsonValue.class).stream()
                    .filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                    .filter(a -> a.matches("[a-z_]{1,40}")).collect(Collectors.toCollection(java.util.TreeSet::new)) : Set.of();
        } catch (VendorHttp.Failed notJson) {
            return Set.of();
        }
    }

    static long id(JsonObject contact) {
        return contact.getJsonNumber("id").longValue();
    }

    static String string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
