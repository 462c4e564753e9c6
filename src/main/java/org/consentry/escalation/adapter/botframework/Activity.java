package org.consentry.escalation.adapter.botframework;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The members of a Bot Framework activity that Consentry reads (Activity schema, botframework-sdk
 * specs/botframework-activity): what kind it is, where it belongs, who wrote it and what it says.
 * {@code role} is "user", "bot" or null (from.role, else the opposite of recipient.role).
 */
public record Activity(String type, String name, String id, String channelId, String serviceUrl, String conversationId,
                       String fromId, String role, String recipientId, String text, String locale, Instant timestamp,
                       JsonObject value, JsonObject channelData, JsonObject relatesTo, List<JsonObject> attachments) {

    public boolean isMessage() {
        return "message".equals(type);
    }

    public boolean isEvent(String eventName) {
        return "event".equals(type) && eventName.equals(name);
    }
}
