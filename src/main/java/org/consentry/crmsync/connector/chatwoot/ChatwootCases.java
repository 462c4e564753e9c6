package org.consentry.crmsync.connector.chatwoot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.VendorHttp;

/**
 * A resolved case in Chatwoot: a conversation of the contact in the configured API inbox (its
 * consentry_escalation_id attribute names the case), the redacted case as a private note, then the
 * conversation resolved. Chatwoot knows no idempotency key: each step first looks for what an earlier
 * attempt made (the contact inbox by its source id, the conversation by its attribute, the note by its
 * marker line).
 */
final class ChatwootCases {

    static final String ATTRIBUTE = "consentry_escalation_id";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final ChatwootApi api;

    ChatwootCases(ChatwootApi api) {
        this.api = api;
    }

    void sync(long contactId, CrmRecord.CrmCase crmCase) {
        String sourceId = "consentry-" + contactId;
        VendorHttp.Answer inbox = api.send("POST", "/contacts/" + contactId + "/contact_inboxes", JSON.createObjectBuilder()
                .add("inbox_id", api.inbox).add("source_id", sourceId).build());
        if (inbox.status() != 422) { // 422: an earlier attempt made it
            api.ok("POST", "/contacts/{id}/contact_inboxes", inbox);
        }
        long conversationId = conversation(contactId, crmCase.escalationId()).orElseGet(() ->
                api.post("/conversations", "/conversations", JSON.createObjectBuilder()
                        .add("source_id", sourceId)
                        .add("inbox_id", api.inbox)
                        .add("contact_id", contactId)
                        .add("status", "open")
                        .add("additional_attributes", JSON.createObjectBuilder().add(ATTRIBUTE, crmCase.escalationId()))
                        .build()).getJsonNumber("id").longValue());
        String messages = "/conversations/" + conversationId + "/messages";
        String marker = marker(crmCase.escalationId());
        boolean noted = api.get(messages, "/conversations/{id}/messages").stream()
                .flatMap(m -> m.getJsonArray("payload").getValuesAs(JsonObject.class).stream())
                .anyMatch(m -> ChatwootContacts.string(m, "content") != null
                        && ChatwootContacts.string(m, "content").startsWith(marker));
        if (!noted) {
            api.post(messages, "/conversations/{id}/messages", JSON.createObjectBuilder()
                    .add("content", note(marker, crmCase)).add("message_type", "outgoing").add("private", true).build());
        }
        api.post("/conversations/" + conversationId + "/toggle_status", "/conversations/{id}/toggle_status",
                JSON.createObjectBuilder().add("status", "resolved").build());
    }

    private Optional<Long> conversation(long contactId, String escalationId) {
        return api.get("/contacts/" + contactId + "/conversations", "/contacts/{id}/conversations").stream()
                .flatMap(found -> found.getJsonArray("payload").getValuesAs(JsonObject.class).stream())
                .filter(c -> c.get("additional_attributes") instanceof JsonObject a
                        && escalationId.equals(ChatwootContacts.string(a, ATTRIBUTE)))
                .map(c -> c.getJsonNumber("id").longValue()).findFirst();
    }

    static String marker(String escalationId) {
        return "[consentry case " + escalationId + "]";
    }

    static String note(String marker, CrmRecord.CrmCase c) {
        StringBuilder note = new StringBuilder(marker).append('\n');
        note.append("Resolved ").append(TIME.format(c.resolvedAt())).append(" UTC");
        if (c.agent() != null) {
            note.append(" by ").append(c.agent());
        }
        if (c.reason() != null) {
            note.append(". Reason: ").append(c.reason());
        }
        note.append("\n\n");
        c.transcript().forEach(l -> note.append(TIME.format(l.at())).append(' ').append(l.from()).append(": ")
                .append(l.text()).append('\n'));
        return note.toString();
    }
}
