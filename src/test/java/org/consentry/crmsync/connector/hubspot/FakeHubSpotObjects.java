package org.consentry.crmsync.connector.hubspot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.consentry.testing.StandIn;

/**
 * The in-memory CRM behind {@link FakeHubSpot}: contacts and notes as HubSpot keeps them, with HubSpot's
 * checks (a property must exist, email must look like one, an enumeration takes only its options, a
 * unique property's value belongs to one contact: 409 CONFLICT otherwise) and HubSpot's answers.
 * The portal's custom properties are those the connector's documentation tells the admin to create.
 */
final class FakeHubSpotObjects {

    static final Set<String> CONTACT_PROPERTIES = Set.of("email", "firstname", "lastname", "phone",
            "consentry_subject_id", "consentry_tokens", "consentry_crm_sync_consent");
    /** Unique properties: email (HubSpot's own) and the custom one holding the subject id. */
    static final Set<String> UNIQUE = Set.of("email", "consentry_subject_id");
    static final Map<String, Set<String>> OPTIONS = Map.of("consentry_crm_sync_consent", Set.of("granted", "withdrawn"));
    static final Set<String> NOTE_PROPERTIES = Set.of("hs_timestamp", "hs_note_body");

    final Map<String, Map<String, String>> contacts = new LinkedHashMap<>();
    final Map<String, Map<String, String>> notes = new LinkedHashMap<>();
    /** note id -> contact ids it is associated with (note to contact, type 202). */
    final Map<String, Set<String>> noteContacts = new LinkedHashMap<>();
    final Set<String> archivedNotes = new LinkedHashSet<>();
    /** The idProperty values (subject ids) of the contacts GDPR-deleted. */
    final List<String> gdprDeleted = new ArrayList<>();
    private long next = 1001;

    static StandIn.Answer error(int status, String category, String message) {
        return new StandIn.Answer(status, JSON.createObjectBuilder().add("status", "error").add("message", message)
                .add("correlationId", UUID.randomUUID().toString()).add("category", category).build().toString());
    }

    /** A contact by HubSpot id or, with idProperty, by a unique property's value. */
    Optional<String> find(String id, String idProperty) {
        if (idProperty == null || idProperty.equals("hs_object_id")) {
            return Optional.of(id).filter(contacts::containsKey);
        }
        return contacts.entrySet().stream().filter(e -> id.equals(e.getValue().get(idProperty))).map(Map.Entry::getKey).findFirst();
    }

    /** What HubSpot answers to properties it would refuse, or null when they are fine. */
    StandIn.Answer invalidContact(JsonObject properties) {
        for (String name : properties.keySet()) {
            if (!CONTACT_PROPERTIES.contains(name)) {
                return invalid(name, "Property \\\"" + name + "\\\" does not exist", "PROPERTY_DOESNT_EXIST");
            }
            String value = properties.getString(name);
            if (name.equals("email") && !value.isEmpty() && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                return invalid(name, "Email address " + value + " is invalid", "INVALID_EMAIL");
            }
            if (OPTIONS.containsKey(name) && !OPTIONS.get(name).contains(value)) {
                return invalid(name, value + " was not one of the allowed options", "INVALID_OPTION");
            }
        }
        return null;
    }

    private static StandIn.Answer invalid(String name, String message, String error) {
        return error(400, "VALIDATION_ERROR", "Property values were not valid: [{\"isValid\":false,\"message\":\"" + message
                + "\",\"error\":\"" + error + "\",\"name\":\"" + name + "\"}]");
    }

    /** 409 when another contact than {@code self} holds one of the unique values. */
    StandIn.Answer conflict(JsonObject properties, String self) {
        for (String unique : UNIQUE) {
            String value = properties.getString(unique, null);
            Optional<String> holder = value == null ? Optional.empty() : find(value, unique).filter(h -> !h.equals(self));
            if (holder.isPresent()) {
                return error(409, "CONFLICT", "Contact already exists. Existing ID: " + holder.get());
            }
        }
        return null;
    }

    StandIn.Answer createContact(JsonObject body) {
        JsonObject properties = body.getJsonObject("properties");
        StandIn.Answer refused = Optional.ofNullable(invalidContact(properties)).orElseGet(() -> conflict(properties, null));
        if (refused != null) {
            return refused;
        }
        String id = String.valueOf(next++);
        contacts.put(id, new LinkedHashMap<>());
        put(contacts.get(id), properties);
        return new StandIn.Answer(201, object(id, contacts.get(id)).build().toString());
    }

    StandIn.Answer upsertContacts(JsonObject body) {
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (JsonObject input : body.getJsonArray("inputs").getValuesAs(JsonObject.class)) {
            String idProperty = input.getString("idProperty", "hs_object_id");
            if (!UNIQUE.contains(idProperty) && !idProperty.equals("hs_object_id")) {
                return error(400, "VALIDATION_ERROR", idProperty + " is not a unique property");
            }
            JsonObject properties = JSON.createObjectBuilder(input.getJsonObject("properties"))
                    .add(idProperty.equals("hs_object_id") ? "hs_object_id" : idProperty, input.getString("id")).build();
            Optional<String> existing = find(input.getString("id"), idProperty);
            JsonObject checked = JSON.createObjectBuilder(properties).remove("hs_object_id").build();
            StandIn.Answer refused = Optional.ofNullable(invalidContact(checked))
                    .orElseGet(() -> conflict(checked, existing.orElse(null)));
            if (refused != null) {
                return refused;
            }
            String id = existing.orElseGet(() -> String.valueOf(next++));
            put(contacts.computeIfAbsent(id, k -> new LinkedHashMap<>()), checked);
            results.add(object(id, contacts.get(id)).add("new", existing.isEmpty()));
        }
        String now = Instant.now().toString();
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("status", "COMPLETE").add("results", results)
                .add("startedAt", now).add("completedAt", now).build().toString());
    }

    StandIn.Answer readContact(String id, String idProperty, boolean withNotes) {
        Optional<String> found = find(id, idProperty);
        if (found.isEmpty()) {
            return error(404, "OBJECT_NOT_FOUND", "Object not found.");
        }
        JsonObjectBuilder contact = object(found.get(), contacts.get(found.get()));
        List<String> associated = noteContacts.entrySet().stream().filter(e -> e.getValue().contains(found.get()))
                .map(Map.Entry::getKey).toList();
        if (withNotes && !associated.isEmpty()) {
            JsonArrayBuilder ids = JSON.createArrayBuilder();
            associated.forEach(n -> ids.add(JSON.createObjectBuilder().add("id", n).add("type", "contact_to_note")));
            contact.add("associations", JSON.createObjectBuilder().add("notes", JSON.createObjectBuilder().add("results", ids)));
        }
        return StandIn.Answer.ok(contact.build().toString());
    }

    StandIn.Answer updateContact(String id, String idProperty, JsonObject body) {
        Optional<String> found = find(id, idProperty);
        if (found.isEmpty()) {
            return error(404, "OBJECT_NOT_FOUND", "Object not found.");
        }
        JsonObject properties = body.getJsonObject("properties");
        StandIn.Answer refused = Optional.ofNullable(invalidContact(properties)).orElseGet(() -> conflict(properties, found.get()));
        if (refused != null) {
            return refused;
        }
        put(contacts.get(found.get()), properties);
        return StandIn.Answer.ok(object(found.get(), contacts.get(found.get())).build().toString());
    }

    /** Deletes the contact and its associations (HubSpot's GDPR delete); the notes themselves stay. */
    StandIn.Answer gdprDelete(JsonObject body) {
        String idProperty = body.getString("idProperty", null);
        Optional<String> found = find(body.getString("objectId"), idProperty);
        if (found.isEmpty()) {
            return error(404, "OBJECT_NOT_FOUND", "Object not found.");
        }
        contacts.remove(found.get());
        noteContacts.values().forEach(c -> c.remove(found.get()));
        gdprDeleted.add(body.getString("objectId"));
        return new StandIn.Answer(204, "");
    }

    StandIn.Answer createNote(JsonObject body) {
        JsonObject properties = body.getJsonObject("properties");
        for (String name : properties.keySet()) {
            if (!NOTE_PROPERTIES.contains(name)) {
                return invalid(name, "Property \\\"" + name + "\\\" does not exist", "PROPERTY_DOESNT_EXIST");
            }
        }
        if (!properties.containsKey("hs_timestamp")) {
            return invalid("hs_timestamp", "hs_timestamp is required", "REQUIRED_PROPERTY");
        }
        Set<String> to = new LinkedHashSet<>();
        for (JsonObject association : body.getJsonArray("associations").getValuesAs(JsonObject.class)) {
            String contact = association.getJsonObject("to").getString("id");
            boolean noteToContact = association.getJsonArray("types").getValuesAs(JsonObject.class).stream()
                    .anyMatch(t -> t.getString("associationCategory").equals("HUBSPOT_DEFINED") && t.getInt("associationTypeId") == 202);
            if (!contacts.containsKey(contact) || !noteToContact) {
                return error(400, "VALIDATION_ERROR", "invalid association to " + contact + ": no such contact or not type 202");
            }
            to.add(contact);
        }
        String id = String.valueOf(next++);
        notes.put(id, new LinkedHashMap<>());
        put(notes.get(id), properties);
        noteContacts.put(id, to);
        return new StandIn.Answer(201, object(id, notes.get(id)).build().toString());
    }

    StandIn.Answer readNotes(JsonObject body) {
        List<String> wanted = body.getJsonArray("properties").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (JsonObject input : body.getJsonArray("inputs").getValuesAs(JsonObject.class)) {
            String id = input.getString("id");
            if (notes.containsKey(id) && !archivedNotes.contains(id)) {
                Map<String, String> shown = new LinkedHashMap<>();
                notes.get(id).forEach((k, v) -> {
                    if (wanted.contains(k)) {
                        shown.put(k, v);
                    }
                });
                results.add(object(id, shown));
            }
        }
        String now = Instant.now().toString();
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("status", "COMPLETE").add("results", results)
                .add("startedAt", now).add("completedAt", now).build().toString());
    }

    /** Archived notes go to the recycle bin (restorable for 90 days), without their associations. */
    StandIn.Answer archiveNotes(JsonObject body) {
        for (JsonObject input : body.getJsonArray("inputs").getValuesAs(JsonObject.class)) {
            String id = input.getString("id");
            if (notes.containsKey(id)) {
                archivedNotes.add(id);
                noteContacts.remove(id);
            }
        }
        return new StandIn.Answer(204, "");
    }

    /** The notes not archived. */
    List<Map<String, String>> liveNotes() {
        return notes.entrySet().stream().filter(e -> !archivedNotes.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    private static void put(Map<String, String> target, JsonObject properties) {
        properties.forEach((k, v) -> target.put(k, ((JsonString) v).getString()));
    }

    private static JsonObjectBuilder object(String id, Map<String, String> properties) {
        JsonObjectBuilder props = JSON.createObjectBuilder().add("hs_object_id", id);
        properties.forEach(props::add);
        String now = Instant.now().toString();
        return JSON.createObjectBuilder().add("id", id).add("properties", props).add("createdAt", now)
                .add("updatedAt", now).add("archived", false);
    }
}
