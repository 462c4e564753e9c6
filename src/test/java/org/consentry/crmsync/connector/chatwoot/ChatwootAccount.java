package org.consentry.crmsync.connector.chatwoot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.testing.StandIn;

/**
 * One Chatwoot account in memory, as strict as Chatwoot's Contact model (app/models/contact.rb):
 * phone_number must match /\A\+[1-9]\d{1,14}\z/, e-mail, phone and identifier are unique per account
 * (422 with RequestExceptionHandler#render_record_invalid's body), e-mails are kept in lower case, an
 * update merges custom and additional attributes, deleting a contact deletes its conversations and
 * messages (dependent: :destroy_async), and an online contact cannot be deleted. Not thread-safe: the
 * fake calls it under its lock.
 */
public final class ChatwootAccount {

    private static final Pattern ID = Pattern.compile("/(\\d+)");

    final int account;
    final int inbox;
    public final Map<Long, JsonObject> contacts = new LinkedHashMap<>();
    final Map<String, Long> sources = new LinkedHashMap<>();
    public final Map<Long, JsonObject> conversations = new LinkedHashMap<>();
    public final Map<Long, List<JsonObject>> messages = new LinkedHashMap<>();
    final Set<Long> online = new java.util.HashSet<>();
    private final ContactRules rules = new ContactRules(contacts);
    private long next = 100;

    ChatwootAccount(int account, int inbox) {
        this.account = account;
        this.inbox = inbox;
    }

    /** Ids from {@code first} on: a test against a database that outlives the run needs ids it never saw. */
    public synchronized void startIdsAt(long first) {
        next = first;
    }

    StandIn.Answer answer(String route, String path, String text) {
        JsonObject body = text.isBlank() ? JSON.createObjectBuilder().build() : JSON.createReader(new StringReader(text)).readObject();
        return switch (route) {
            case "GET /contacts/search" -> search(URLDecoder.decode(path.replaceAll(".*[?&]q=([^&]*).*", "$1"), StandardCharsets.UTF_8));
            case "POST /contacts" -> create(body);
            case "PUT /contacts/{id}" -> update(id(path), body);
            case "DELETE /contacts/{id}" -> delete(id(path));
            case "POST /contacts/{id}/contact_inboxes" -> contactInbox(id(path), body);
            case "GET /contacts/{id}/conversations" -> !contacts.containsKey(id(path)) ? notFound()
                    : ok(JSON.createObjectBuilder().add("payload", list(conversations.values().stream()
                            .filter(c -> c.getJsonNumber("contact_id").longValue() == id(path)).map(this::conversation).toList())));
            case "POST /conversations" -> createConversation(body);
            case "GET /conversations/{id}/messages" -> !conversations.containsKey(id(path)) ? notFound()
                    : ok(JSON.createObjectBuilder().add("meta", JSON.createObjectBuilder().add("labels", JSON.createArrayBuilder())
                            .add("additional_attributes", JSON.createObjectBuilder()))
                            .add("payload", list(messages.getOrDefault(id(path), List.of()))));
            case "POST /conversations/{id}/messages" -> createMessage(id(path), body);
            case "POST /conversations/{id}/toggle_status" -> toggle(id(path), body.getString("status"));
            default -> notFound();
        };
    }

    /** A contact as the website widget makes it: no identifier. */
    synchronized long widgetContact(String name, String email, String phone) {
        long id = next++;
        contacts.put(id, JSON.createObjectBuilder().add("id", id).add("name", name).add("email", email)
                .add("phone_number", phone).add("additional_attributes", JSON.createObjectBuilder())
                .add("custom_attributes", JSON.createObjectBuilder()).build());
        return id;
    }

    private StandIn.Answer search(String q) {
        if (q.isBlank()) {
            return new StandIn.Answer(422, "{\"error\":\"Specify search string with parameter q\"}");
        }
        String lower = q.strip().toLowerCase(java.util.Locale.ROOT);
        List<JsonObject> found = contacts.values().stream().filter(c -> contains(c, "name", lower) || contains(c, "email", lower)
                || contains(c, "phone_number", lower) || (text(c, "identifier") != null && text(c, "identifier").contains(q.strip())))
                .limit(15).map(this::contact).toList();
        return ok(JSON.createObjectBuilder().add("meta", JSON.createObjectBuilder().add("count", found.size()).add("current_page", "1"))
                .add("payload", list(found)));
    }

    private StandIn.Answer create(JsonObject body) {
        if (body.getJsonNumber("inbox_id").intValue() != inbox) {
            return notFound();
        }
        JsonObject candidate = JSON.createObjectBuilder(body).remove("inbox_id").build();
        List<String> invalid = rules.invalid(candidate, null);
        if (!invalid.isEmpty()) {
            return ContactRules.recordInvalid(invalid);
        }
        long id = next++;
        contacts.put(id, ContactRules.stored(JSON.createObjectBuilder(candidate).add("id", id)));
        String source = java.util.UUID.randomUUID().toString();
        sources.put(source, id);
        return ok(JSON.createObjectBuilder().add("payload", JSON.createObjectBuilder().add("contact", contact(contacts.get(id)))
                .add("contact_inbox", JSON.createObjectBuilder().add("inbox", JSON.createObjectBuilder().add("id", inbox))
                        .add("source_id", source))));
    }

    private StandIn.Answer update(long id, JsonObject body) {
        JsonObject existing = contacts.get(id);
        if (existing == null) {
            return notFound();
        }
        JsonObjectBuilder merged = JSON.createObjectBuilder(existing);
        body.forEach((k, v) -> merged.add(k, v));
        for (String attributes : new String[] {"custom_attributes", "additional_attributes"}) {
            JsonObjectBuilder both = JSON.createObjectBuilder(existing.getJsonObject(attributes));
            if (body.containsKey(attributes)) {
                body.getJsonObject(attributes).forEach(both::add);
            }
            merged.add(attributes, both);
        }
        JsonObject candidate = merged.build();
        List<String> invalid = rules.invalid(candidate, id);
        if (!invalid.isEmpty()) {
            return ContactRules.recordInvalid(invalid);
        }
        contacts.put(id, ContactRules.stored(JSON.createObjectBuilder(candidate)));
        return ok(JSON.createObjectBuilder().add("payload", contact(contacts.get(id))));
    }

    private StandIn.Answer delete(long id) {
        if (!contacts.containsKey(id)) {
            return notFound();
        }
        if (online.contains(id)) {
            return new StandIn.Answer(422, "{\"message\":\"" + text(contacts.get(id), "name") + " is Online, please try again later\"}");
        }
        contacts.remove(id);
        sources.values().removeIf(c -> c == id);
        conversations.values().removeIf(c -> {
            boolean gone = c.getJsonNumber("contact_id").longValue() == id;
            if (gone) {
                messages.remove(c.getJsonNumber("id").longValue());
            }
            return gone;
        });
        return new StandIn.Answer(200, "");
    }

    StandIn.Answer contactInbox(long contactId, JsonObject body) {
        String source = body.getString("source_id", java.util.UUID.randomUUID().toString());
        if (!contacts.containsKey(contactId) || body.getJsonNumber("inbox_id").intValue() != inbox) {
            return notFound();
        }
        if (sources.containsKey(source)) {
            return new StandIn.Answer(422, "{\"message\":\"Source has already been taken\",\"attributes\":[\"source_id\"]}");
        }
        sources.put(source, contactId);
        return ok(JSON.createObjectBuilder().add("source_id", source).add("inbox", JSON.createObjectBuilder().add("id", inbox)
                .add("name", "Consentry").add("channel_type", "Channel::Api")));
    }

    private StandIn.Answer createConversation(JsonObject body) {
        Long contact = sources.get(body.getString("source_id"));
        if (contact == null || body.containsKey("contact_id") && body.getJsonNumber("contact_id").longValue() != contact) {
            return new StandIn.Answer(404, "{\"error\":\"Resource could not be found\"}");
        }
        long id = next++;
        conversations.put(id, JSON.createObjectBuilder().add("id", id).add("account_id", account).add("inbox_id", inbox)
                .add("contact_id", contact).add("status", body.getString("status", "open"))
                .add("additional_attributes", body.containsKey("additional_attributes") ? body.getJsonObject("additional_attributes")
                        : JSON.createObjectBuilder().build())
                .add("custom_attributes", body.containsKey("custom_attributes") ? body.getJsonObject("custom_attributes")
                        : JSON.createObjectBuilder().build()).build());
        return ok(JSON.createObjectBuilder().add("id", id).add("account_id", account).add("inbox_id", inbox));
    }

    private StandIn.Answer createMessage(long conversation, JsonObject body) {
        if (!conversations.containsKey(conversation)) {
            return notFound();
        }
        JsonObject message = JSON.createObjectBuilder().add("id", next++).add("content", body.getString("content"))
                .add("account_id", account).add("inbox_id", inbox).add("conversation_id", conversation)
                .add("message_type", "incoming".equals(body.getString("message_type", "outgoing")) ? 0 : 1)
                .add("created_at", 1_765_000_000).add("private", body.getBoolean("private", false)).add("status", "sent")
                .add("content_type", "text").add("content_attributes", body.containsKey("content_attributes")
                        ? body.getJsonObject("content_attributes") : JSON.createObjectBuilder().build()).add("sender_type", "User").build();
        messages.computeIfAbsent(conversation, k -> new ArrayList<>()).add(message);
        return ok(JSON.createObjectBuilder(message));
    }

    private StandIn.Answer toggle(long conversation, String status) {
        JsonObject c = conversations.get(conversation);
        if (c == null) {
            return notFound();
        }
        conversations.put(conversation, JSON.createObjectBuilder(c).add("status", status).build());
        return ok(JSON.createObjectBuilder().add("meta", JSON.createObjectBuilder()).add("payload", JSON.createObjectBuilder()
                .add("success", true).add("current_status", status).add("conversation_id", conversation)));
    }

    /** A contact as Chatwoot renders it (api/v1/models/_contact.json.jbuilder), minus what the contract leaves out. */
    private JsonObject contact(JsonObject c) {
        JsonObjectBuilder out = JSON.createObjectBuilder().add("id", c.getJsonNumber("id")).add("name", c.getString("name", ""))
                .add("availability_status", "offline").add("blocked", false).add("thumbnail", "").add("created_at", 1_765_000_000)
                .add("additional_attributes", c.getJsonObject("additional_attributes"))
                .add("custom_attributes", c.getJsonObject("custom_attributes"));
        for (String nullable : new String[] {"email", "phone_number", "identifier"}) {
            out.add(nullable, c.get(nullable) instanceof JsonString s ? s : jakarta.json.JsonValue.NULL);
        }
        return out.build();
    }

    private JsonObject conversation(JsonObject c) {
        return JSON.createObjectBuilder(c).remove("contact_id").add("labels", JSON.createArrayBuilder())
                .add("meta", JSON.createObjectBuilder().add("channel", "Channel::Api")).build();
    }

    private static boolean contains(JsonObject c, String field, String lower) {
        return text(c, field) != null && text(c, field).toLowerCase(java.util.Locale.ROOT).contains(lower);
    }

    public static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static StandIn.Answer ok(JsonObjectBuilder body) {
        return StandIn.Answer.ok(body.build().toString());
    }

    private static StandIn.Answer notFound() {
        return new StandIn.Answer(404, "{\"error\":\"Resource could not be found\"}");
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
}
