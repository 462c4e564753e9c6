package org.consentry.crmsync.connector.chatwoot;

import static org.consentry.platform.control.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.testing.StandIn;

/**
 * Chatwoot's application API as documented (swagger/paths/application in chatwoot/chatwoot): the
 * endpoints the connector uses, their request checks (access token, required members) and response
 * shapes, with an in-memory account. It refuses what real Chatwoot refuses: a duplicate identifier or
 * contact inbox (422), a conversation for an unknown source id (404), a wrong token (401).
 */
final class FakeChatwoot implements Function<StandIn.Request, StandIn.Answer> {

    static final String TOKEN = "cw-token-it";
    static final int ACCOUNT = 7;
    static final int INBOX = 3;
    private static final Pattern ID = Pattern.compile("/(\\d+)");

    final Map<Long, JsonObject> contacts = new ConcurrentHashMap<>();
    final Map<String, Long> sourceIds = new ConcurrentHashMap<>();
    final Map<Long, JsonObject> conversations = new ConcurrentHashMap<>();
    final Map<Long, List<JsonObject>> messages = new ConcurrentHashMap<>();
    final Map<Long, String> statuses = new ConcurrentHashMap<>();
    final List<String> problems = new ArrayList<>();
    final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private long next = 100;

    @Override
    public synchronized StandIn.Answer apply(StandIn.Request r) {
        if (!TOKEN.equals(r.header("api_access_token"))) {
            return new StandIn.Answer(401, "{\"error\":\"You need to sign in or sign up before continuing.\"}");
        }
        String prefix = "/api/v1/accounts/" + ACCOUNT;
        if (!r.path().startsWith(prefix)) {
            problems.add("outside the account: " + r.path());
            return new StandIn.Answer(404, "{}");
        }
        String path = r.path().substring(prefix.length());
        String route = r.method() + " " + path.replaceAll("\\?.*", "").replaceAll("/\\d+", "/{id}");
        if (failOnce.remove(route)) {
            return new StandIn.Answer(500, "{\"error\":\"Internal Server Error\"}");
        }
        JsonObject body = r.body().isBlank() ? null : JSON.createReader(new StringReader(r.body())).readObject();
        return switch (route) {
            case "GET /contacts/search" -> search(path.substring(path.indexOf("q=") + 2));
            case "POST /contacts" -> createContact(body);
            case "PUT /contacts/{id}" -> updateContact(id(path), body);
            case "DELETE /contacts/{id}" -> contacts.remove(id(path)) == null ? new StandIn.Answer(404, "{}") : StandIn.Answer.ok("{}");
            case "POST /contacts/{id}/contact_inboxes" -> contactInbox(id(path), body);
            case "GET /contacts/{id}/conversations" -> StandIn.Answer.ok(JSON.createObjectBuilder().add("payload",
                    list(conversations.values().stream().filter(c -> c.getJsonNumber("contact_id").longValue() == id(path)).toList())).build().toString());
            case "POST /conversations" -> createConversation(body);
            case "GET /conversations/{id}/messages" -> StandIn.Answer.ok(JSON.createObjectBuilder()
                    .add("meta", JSON.createObjectBuilder()).add("payload", list(messages.getOrDefault(id(path), List.of()))).build().toString());
            case "POST /conversations/{id}/messages" -> createMessage(id(path), body);
            case "POST /conversations/{id}/toggle_status" -> toggle(id(path), body);
            default -> {
                problems.add("undocumented call: " + route);
                yield new StandIn.Answer(404, "{}");
            }
        };
    }

    private StandIn.Answer search(String query) {
        String q = java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
        List<JsonObject> found = contacts.values().stream().filter(c -> q.equals(c.getString("identifier", null))
                || q.equals(c.getString("email", null))).toList();
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("meta", JSON.createObjectBuilder().add("count", found.size())
                .add("current_page", 1)).add("payload", list(found)).build().toString());
    }

    private StandIn.Answer createContact(JsonObject body) {
        if (!body.containsKey("inbox_id")) {
            problems.add("contact without inbox_id");
            return new StandIn.Answer(400, "{\"message\":\"inbox_id is required\"}");
        }
        String identifier = body.getString("identifier", null);
        if (identifier != null && contacts.values().stream().anyMatch(c -> identifier.equals(c.getString("identifier", null)))) {
            return new StandIn.Answer(422, "{\"message\":\"Identifier has already been taken\"}");
        }
        checkFormats(body);
        long id = next++;
        JsonObject contact = JSON.createObjectBuilder(body).add("id", id).remove("inbox_id").build();
        contacts.put(id, contact);
        String source = UUID.randomUUID().toString();
        sourceIds.put(source, id);
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("payload", JSON.createObjectBuilder().add("contact", contact)
                .add("contact_inbox", JSON.createObjectBuilder().add("source_id", source)
                        .add("inbox", JSON.createObjectBuilder().add("id", body.getInt("inbox_id"))))).build().toString());
    }

    private StandIn.Answer updateContact(long id, JsonObject body) {
        JsonObject existing = contacts.get(id);
        if (existing == null) {
            return new StandIn.Answer(404, "{}");
        }
        checkFormats(body);
        var merged = JSON.createObjectBuilder(existing);
        body.forEach(merged::add);
        contacts.put(id, merged.build());
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("payload", contacts.get(id)).build().toString());
    }

    private StandIn.Answer contactInbox(long contactId, JsonObject body) {
        String source = body.getString("source_id", UUID.randomUUID().toString());
        if (sourceIds.containsKey(source)) {
            return new StandIn.Answer(422, "{\"message\":\"Source has already been taken\"}");
        }
        sourceIds.put(source, contactId);
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("source_id", source)
                .add("inbox", JSON.createObjectBuilder().add("id", body.getInt("inbox_id"))).build().toString());
    }

    private StandIn.Answer createConversation(JsonObject body) {
        Long contact = sourceIds.get(body.getString("source_id", ""));
        if (contact == null) {
            return new StandIn.Answer(404, "{\"error\":\"Resource could not be found\"}");
        }
        String status = body.getString("status", "open");
        if (!Set.of("open", "resolved", "pending").contains(status)) {
            problems.add("conversation status " + status);
        }
        long id = next++;
        JsonObject conversation = JSON.createObjectBuilder().add("id", id).add("account_id", ACCOUNT)
                .add("inbox_id", body.getInt("inbox_id")).add("contact_id", contact).add("status", status)
                .add("additional_attributes", body.getJsonObject("additional_attributes")).build();
        conversations.put(id, conversation);
        statuses.put(id, status);
        return StandIn.Answer.ok(conversation.toString());
    }

    private StandIn.Answer createMessage(long conversation, JsonObject body) {
        if (!conversations.containsKey(conversation) || !body.containsKey("content")) {
            problems.add("message without conversation or content");
            return new StandIn.Answer(404, "{}");
        }
        JsonObject message = JSON.createObjectBuilder().add("id", next++).add("content", body.getString("content"))
                .add("message_type", "outgoing".equals(body.getString("message_type", "outgoing")) ? 1 : 0)
                .add("private", body.getBoolean("private", false)).add("conversation_id", conversation).build();
        messages.computeIfAbsent(conversation, k -> new ArrayList<>()).add(message);
        return StandIn.Answer.ok(message.toString());
    }

    private StandIn.Answer toggle(long conversation, JsonObject body) {
        statuses.put(conversation, body.getString("status"));
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("meta", JSON.createObjectBuilder())
                .add("payload", JSON.createObjectBuilder().add("success", true).add("current_status", body.getString("status"))
                        .add("conversation_id", conversation)).build().toString());
    }

    private void checkFormats(JsonObject body) {
        if (body.containsKey("phone_number") && !body.getString("phone_number").matches("\\+[1-9]\\d{1,14}|\\+[0-9 ]{8,20}")) {
            problems.add("phone_number not in E.164: Chatwoot would refuse it");
        }
        if (body.containsKey("email") && !body.getString("email").contains("@")) {
            problems.add("email not an e-mail address: Chatwoot would refuse it");
        }
    }

    private static long id(String path) {
        Matcher m = ID.matcher(path);
        m.find();
        return Long.parseLong(m.group(1));
    }

    private static JsonArrayBuilder list(List<JsonObject> items) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        items.forEach(list::add);
        return list;
    }

    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("contacts", contacts.size());
        s.put("conversations", conversations.size());
        s.put("messages", messages.values().stream().mapToInt(List::size).sum());
        return s;
    }
}
