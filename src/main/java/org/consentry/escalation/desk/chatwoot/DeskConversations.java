package org.consentry.escalation.desk.chatwoot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * Finds or makes the Chatwoot conversation of an escalation, so that a repeated attempt (its answer lost,
 * the server stopped half-way) makes nothing twice: a contact per escalation whose identifier names it
 * ("consentry:escalation:&lt;id&gt;", no personal data: the name is "Consentry escalation &lt;first 8&gt;"),
 * its conversation marked with the custom attribute consentry_escalation_id. Once found, Consentry keeps the
 * pair ({@link DeskConversation}).
 */
@ApplicationScoped
public class DeskConversations {

    @Inject
    DeskRecords records;

    long open(DeskApi api, String escalationId) {
        Optional<Long> known = records.conversationOf(escalationId);
        if (known.isPresent()) {
            return known.get();
        }
        String identifier = Markers.CONTACT_PREFIX + escalationId;
        Optional<JsonObject> contact = api.contactByIdentifier(identifier);
        long conversation;
        if (contact.isEmpty()) {
            JsonObject created = api.createContact(identifier, "Consentry escalation " + escalationId.substring(0, 8));
            long contactId = created.getJsonObject("contact").getJsonNumber("id").longValue();
            conversation = api.createConversation(created.getJsonObject("contact_inbox").getString("source_id"), contactId,
                    escalationId);
        } else {
            long contactId = contact.get().getJsonNumber("id").longValue();
            conversation = api.conversationsOf(contactId).stream().filter(c -> Markers.escalationOf(c, escalationId))
                    .map(c -> c.getJsonNumber("id").longValue()).findFirst()
                    .orElseGet(() -> api.createConversation(api.sourceId(contactId), contactId, escalationId));
        }
        records.remember(escalationId, conversation);
        return conversation;
    }
}
