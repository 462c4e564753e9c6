package org.consentry.crmsync.connector.chatwoot;

import static org.consentry.platform.control.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.consentry.crmsync.control.CrmConnector;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.platform.control.Settings;
import org.consentry.outbox.control.DeliveryResult;

/**
 * Chatwoot, the open-source helpdesk, through its documented application API: contacts (identifier =
 * the subject id), a conversation per resolved case in the configured API inbox, the redacted case as
 * a private note, the conversation then resolved. Chatwoot knows no idempotency key, so every step
 * first looks up what an earlier attempt may have created (the contact by identifier, the
 * conversation by its consentry_escalation_id attribute, the note by its marker line).
 * The recipient's secret is the API access token; chatwoot.account-id and chatwoot.inbox-id its own keys.
 */
@ApplicationScoped
public class ChatwootConnector implements CrmConnector {

    static final String ATTRIBUTE = "consentry_escalation_id";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Override
    public String type() {
        return "chatwoot";
    }

    @Override
    public void check(RecipientSettings recipient, Settings settings, boolean production) {
        if (recipient.property("chatwoot.account-id").filter(v -> v.matches("\\d{1,12}")).isEmpty()) {
            settings.problem(recipient.key("chatwoot.account-id") + ": not set or not a number (the Chatwoot account)");
        }
        if (recipient.property("chatwoot.inbox-id").filter(v -> v.matches("\\d{1,12}")).isEmpty()) {
            settings.problem(recipient.key("chatwoot.inbox-id") + ": not set or not a number (the API inbox)");
        }
    }

    @Override
    public DeliveryResult send(RecipientSettings recipient, CrmRecord record) {
        String accountId = recipient.property("chatwoot.account-id").orElseThrow();
        int inboxId = Integer.parseInt(recipient.property("chatwoot.inbox-id").orElseThrow());
        ChatwootApi api = new ChatwootApi(recipient.requireUrl().toString(), accountId, inboxId, recipient.secret().orElseThrow());
        try {
            switch (record.type()) {
                case CONTACT -> upsertContact(api, record);
                case CASE -> syncCase(api, record);
                case ERASE -> findContact(api, record.subjectId()).ifPresent(id -> api.delete("/contacts/" + id));
                case CONSENT -> {
                    return new DeliveryResult.Delivered("chatwoot: consent changes are not mirrored");
                }
            }
            return new DeliveryResult.Delivered("chatwoot " + record.type().name().toLowerCase());
        } catch (ChatwootApi.Failure failure) {
            return failure.result;
        }
    }

    private long upsertContact(ChatwootApi api, CrmRecord record) {
        JsonObjectBuilder fields = JSON.createObjectBuilder();
        JsonObjectBuilder tokens = JSON.createObjectBuilder();
        // Chatwoot checks e-mail and E.164 phone formats: a token goes to the additional attributes
        contactField(fields, tokens, "name", "name", record.contact().get("name"));
        contactField(fields, tokens, "email", "email", record.contact().get("email"));
        contactField(fields, tokens, "phone_number", "phone", record.contact().get("phone"));
        fields.add("additional_attributes", JSON.createObjectBuilder().add("consentry_tokens", tokens));
        Optional<Long> existing = findContact(api, record.subjectId());
        if (existing.isPresent()) {
            api.put("/contacts/" + existing.get(), fields.build());
            return existing.get();
        }
        JsonStructure created = api.post("/contacts", fields.add("inbox_id", api.inbox)
                .add("identifier", record.subjectId()).build());
        return created.asJsonObject().getJsonObject("payload").getJsonObject("contact").getJsonNumber("id").longValue();
    }

    private void syncCase(ChatwootApi api, CrmRecord record) {
        CrmRecord.CrmCase crmCase = record.crmCase();
        long contactId = upsertContact(api, record);
        String sourceId = "consentry-" + contactId;
        api.postAllowingExisting("/contacts/" + contactId + "/contact_inboxes", JSON.createObjectBuilder()
                .add("inbox_id", api.inbox).add("source_id", sourceId).build());
        long conversationId = findConversation(api, contactId, crmCase.escalationId()).orElseGet(() ->
                api.post("/conversations", JSON.createObjectBuilder()
                        .add("source_id", sourceId)
                        .add("inbox_id", api.inbox)
                        .add("contact_id", contactId)
                        .add("status", "open")
                        .add("additional_attributes", JSON.createObjectBuilder().add(ATTRIBUTE, crmCase.escalationId()))
                        .build()).asJsonObject().getJsonNumber("id").longValue());
        String marker = marker(crmCase.escalationId());
        JsonStructure messages = api.get("/conversations/" + conversationId + "/messages");
        boolean noted = messages != null && messages.asJsonObject().getJsonArray("payload").getValuesAs(JsonObject.class)
                .stream().anyMatch(m -> m.getString("content", "").startsWith(marker));
        if (!noted) {
            api.post("/conversations/" + conversationId + "/messages", JSON.createObjectBuilder()
                    .add("content", note(marker, crmCase)).add("message_type", "outgoing").add("private", true).build());
        }
        api.post("/conversations/" + conversationId + "/toggle_status",
                JSON.createObjectBuilder().add("status", "resolved").build());
    }

    private Optional<Long> findContact(ChatwootApi api, String subjectId) {
        JsonStructure found = api.get("/contacts/search?q=" + ChatwootApi.query(subjectId));
        if (found == null) {
            return Optional.empty();
        }
        return found.asJsonObject().getJsonArray("payload").getValuesAs(JsonObject.class).stream()
                .filter(c -> subjectId.equals(c.getString("identifier", null)))
                .map(c -> c.getJsonNumber("id").longValue()).findFirst();
    }

    private Optional<Long> findConversation(ChatwootApi api, long contactId, String escalationId) {
        JsonStructure found = api.get("/contacts/" + contactId + "/conversations");
        if (found == null) {
            return Optional.empty();
        }
        return found.asJsonObject().getJsonArray("payload").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.get("additional_attributes") instanceof JsonObject a
                        && escalationId.equals(a.getString(ATTRIBUTE, null)))
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

    /** A clear value in Chatwoot's own field, a token among the attributes; a dropped one nowhere. */
    private static void contactField(JsonObjectBuilder fields, JsonObjectBuilder tokens, String chatwootName, String ours,
                                     String value) {
        if (value == null) {
            return; // dropped by the policy: left out, the CRM keeps what it has
        }
        if (value.startsWith("tok_")) {
            tokens.add(ours, value);
        } else {
            fields.add(chatwootName, value);
        }
    }
}
