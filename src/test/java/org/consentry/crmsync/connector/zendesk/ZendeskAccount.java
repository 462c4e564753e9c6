package org.consentry.crmsync.connector.zendesk;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.consentry.testing.StandIn;

/**
 * The in-memory Zendesk account behind {@link FakeZendesk}: users (active, soft-deleted, permanently
 * deleted) and tickets, with Zendesk's validation errors ({"error":"RecordInvalid","description":
 * "Record validation errors","details":{field:[{description,error}]}}). Not thread-safe: the fake
 * serialises the calls.
 */
final class ZendeskAccount {

    static final long AGENT_ID = 1;
    /** The custom user fields the admin created (user_fields keys). */
    static final Set<String> USER_FIELDS = Set.of("consentry_name_token", "consentry_email_token", "consentry_phone_token");
    private static final String BASE = "https://acme.zendesk.com/api/v2";
    private static final String NOW = "2026-12-07T04:00:00Z";

    final Map<Long, JsonObject> users = new LinkedHashMap<>();
    final Map<Long, JsonObject> deletedUsers = new LinkedHashMap<>();
    final List<Long> permanentlyDeleted = new ArrayList<>();
    final Map<Long, JsonObject> tickets = new LinkedHashMap<>();
    /** What the real Zendesk would accept silently but an admin would miss (an unknown user field). */
    final List<String> problems = new ArrayList<>();
    private long next = 9000;

    StandIn.Answer answer(String route, String uri, JsonObject body) {
        return switch (route) {
            case "GET /users" -> list("users", users.values().stream()
                    .filter(u -> query(uri, "external_id").map(x -> x.equalsIgnoreCase(u.getString("external_id", ""))).orElse(true)).toList());
            case "POST /users/create_or_update" -> createOrUpdate(body.getJsonObject("user"));
            case "PUT /users/{id}" -> update(id(uri), body.getJsonObject("user"));
            case "DELETE /users/{id}" -> softDelete(id(uri));
            case "GET /deleted_users" -> list("deleted_users", deletedUsers.values());
            case "DELETE /deleted_users/{id}" -> permanentlyDelete(id(uri));
            case "GET /tickets" -> list("tickets", tickets.values().stream()
                    .filter(t -> query(uri, "external_id").map(x -> x.equals(t.getString("external_id", ""))).orElse(true)).toList());
            case "POST /tickets" -> createTicket(body.getJsonObject("ticket"));
            default -> {
                problems.add("an endpoint the connector should not call: " + route);
                yield new StandIn.Answer(404, "{\"error\":\"InvalidEndpoint\",\"description\":\"Not found\"}");
            }
        };
    }

    Optional<JsonObject> user(String externalId) {
        return users.values().stream().filter(u -> externalId.equals(u.getString("external_id", null))).findFirst();
    }

    private StandIn.Answer createOrUpdate(JsonObject input) {
        String externalId = input.getString("external_id", null);
        String email = input.getString("email", null);
        Optional<JsonObject> match = users.values().stream()
                .filter(u -> externalId != null && externalId.equalsIgnoreCase(u.getString("external_id", ""))).findFirst()
                .or(() -> users.values().stream().filter(u -> email != null && email.equalsIgnoreCase(u.getString("email", ""))).findFirst());
        Map<String, String> errors = new LinkedHashMap<>();
        if (match.isEmpty() && input.getString("name", "").isBlank()) {
            errors.put("name", "Name: cannot be blank|BlankValue");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "Email: " + email + " is not properly formatted|InvalidFormat");
        } else if (email != null && users.values().stream().anyMatch(u -> email.equalsIgnoreCase(u.getString("email", ""))
                && match.map(m -> m.getJsonNumber("id").longValue() != u.getJsonNumber("id").longValue()).orElse(false))) {
            errors.put("email", "Email: " + email + " is already being used by another user|DuplicateValue");
        }
        String phone = input.getString("phone", null);
        if (phone != null && !phone.matches("\\+?[0-9 ().-]{7,20}")) {
            errors.put("phone", "Phone: " + phone + " is invalid|InvalidFormat");
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        long id = match.map(u -> u.getJsonNumber("id").longValue()).orElseGet(() -> next++);
        users.put(id, merge(match.orElse(JSON.createObjectBuilder().add("id", id).add("url", BASE + "/users/" + id + ".json")
                .add("role", "end-user").add("active", true).add("verified", false).add("created_at", NOW)
                .add("tags", JsonValue.EMPTY_JSON_ARRAY).add("user_fields", JsonValue.EMPTY_JSON_OBJECT).build()), input));
        return new StandIn.Answer(match.isPresent() ? 200 : 201, JSON.createObjectBuilder().add("user", users.get(id)).build().toString());
    }

    private StandIn.Answer update(long id, JsonObject input) {
        if (!users.containsKey(id)) {
            return notFound();
        }
        users.put(id, merge(users.get(id), input));
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("user", users.get(id)).build().toString());
    }

    private JsonObject merge(JsonObject user, JsonObject input) {
        JsonObjectBuilder merged = JSON.createObjectBuilder(user).add("updated_at", NOW);
        for (String key : List.of("name", "email", "phone", "external_id", "tags", "notes")) {
            if (input.containsKey(key)) {
                merged.add(key, input.get(key));
            }
        }
        if (input.containsKey("user_fields")) {
            JsonObjectBuilder fields = JSON.createObjectBuilder(user.getJsonObject("user_fields"));
            input.getJsonObject("user_fields").forEach((key, value) -> {
                if (USER_FIELDS.contains(key)) {
                    fields.add(key, value);
                } else {
                    problems.add("user field " + key + " does not exist in the account: Zendesk would ignore it");
                }
            });
            merged.add("user_fields", fields);
        }
        return merged.build();
    }

    private StandIn.Answer softDelete(long id) {
        JsonObject user = users.remove(id);
        if (user == null) {
            return notFound();
        }
        JsonObject deleted = JSON.createObjectBuilder(user).add("active", false).build();
        // Zendesk's deleted user: the documented members, all present (the contract requires them)
        deletedUsers.put(id, JSON.createObjectBuilder().add("id", id).add("url", BASE + "/deleted_users/" + id + ".json")
                .add("name", user.getString("name")).add("email", user.getString("email", "")).add("created_at", NOW)
                .add("updated_at", NOW).add("time_zone", "Warsaw").add("phone", user.containsKey("phone") ? user.get("phone") : JsonValue.NULL)
                .add("shared_phone_number", JsonValue.NULL).add("photo", JsonValue.NULL).add("locale_id", 1).add("locale", "en-US")
                .add("organization_id", 0).add("role", "end-user").add("active", false).build());
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("user", deleted).build().toString());
    }

    private StandIn.Answer permanentlyDelete(long id) {
        if (users.containsKey(id)) {
            return invalid(Map.of("base", "User must be deleted before it can be permanently deleted|InvalidValue"));
        }
        JsonObject deleted = deletedUsers.get(id);
        if (deleted == null || permanentlyDeleted.contains(id)) {
            return notFound();
        }
        permanentlyDeleted.add(id);
        deletedUsers.put(id, JSON.createObjectBuilder(deleted).add("name", "Permanently Deleted User").add("email", "")
                .add("phone", JsonValue.NULL).build());
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("deleted_user", deletedUsers.get(id)).build().toString());
    }

    private StandIn.Answer createTicket(JsonObject input) {
        Map<String, String> errors = new LinkedHashMap<>();
        long requester = input.containsKey("requester_id") ? input.getJsonNumber("requester_id").longValue() : -1;
        if (!users.containsKey(requester)) {
            errors.put("requester", "Requester: is invalid|InvalidValue");
        }
        if (input.getJsonObject("comment").getString("body", "").isBlank()) {
            errors.put("description", "Description: cannot be blank|BlankValue");
        }
        if (input.containsKey("assignee_email") && !FakeZendesk.AGENT.equals(input.getString("assignee_email"))) {
            errors.put("assignee", "Assignee: is not an agent|InvalidValue");
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        long id = next++;
        JsonObject comment = input.getJsonObject("comment");
        JsonObjectBuilder ticket = JSON.createObjectBuilder().add("id", id).add("url", BASE + "/tickets/" + id + ".json")
                .add("subject", input.getString("subject", "")).add("raw_subject", input.getString("subject", ""))
                .add("description", comment.getString("body")).add("status", input.getString("status", "new"))
                .add("requester_id", requester).add("submitter_id", AGENT_ID).add("is_public", comment.getBoolean("public", true))
                .add("tags", input.containsKey("tags") ? input.get("tags") : JsonValue.EMPTY_JSON_ARRAY)
                .add("created_at", NOW).add("updated_at", NOW).add("comment", comment);
        if (input.containsKey("assignee_email")) {
            ticket.add("assignee_id", AGENT_ID);
        }
        if (input.containsKey("external_id")) {
            ticket.add("external_id", input.getString("external_id"));
        }
        tickets.put(id, ticket.build());
        JsonObject shown = JSON.createObjectBuilder(tickets.get(id)).remove("comment").build();
        return new StandIn.Answer(201, JSON.createObjectBuilder().add("ticket", shown).build().toString());
    }

    private static StandIn.Answer list(String name, Collection<JsonObject> items) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        items.forEach(list::add);
        return StandIn.Answer.ok(JSON.createObjectBuilder().add(name, list).build().toString());
    }

    private static StandIn.Answer invalid(Map<String, String> errors) {
        JsonObjectBuilder details = JSON.createObjectBuilder();
        errors.forEach((field, error) -> details.add(field, JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("description", error.substring(0, error.indexOf('|'))).add("error", error.substring(error.indexOf('|') + 1)))));
        return new StandIn.Answer(422, JSON.createObjectBuilder().add("error", "RecordInvalid")
                .add("description", "Record validation errors").add("details", details).build().toString());
    }

    private static StandIn.Answer notFound() {
        return new StandIn.Answer(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
    }

    private static long id(String uri) {
        return Long.parseLong(uri.replaceAll("\\?.*", "").replaceAll(".*/", ""));
    }

    private static Optional<String> query(String uri, String name) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String pair : uri.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return Optional.of(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
