package org.consentry.escalation.desk.chatwoot;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * How Consentry finds again what it wrote into Chatwoot (Chatwoot has no idempotency key): the conversation
 * by its custom attribute consentry_escalation_id, each message by a marker in its content attributes. The
 * marker also keeps Consentry's own messages from coming back through the webhook as an agent's reply.
 */
final class Markers {

    static final String ESCALATION_ATTRIBUTE = "consentry_escalation_id";
    static final String MARKER_ATTRIBUTE = "consentry";
    static final String CONTACT_PREFIX = "consentry:escalation:";

    private Markers() {
    }

    static String transcript(String escalationId) {
        return "transcript:" + escalationId;
    }

    static String message(String messageId) {
        return "message:" + messageId;
    }

    /** The marker a message (as Chatwoot lists it or sends it in a webhook) carries, or null. */
    static String of(JsonObject message) {
        return message.get("content_attributes") instanceof JsonObject attributes
                && attributes.get(MARKER_ATTRIBUTE) instanceof JsonString marker ? marker.getString() : null;
    }

    static boolean escalationOf(JsonObject conversation, String escalationId) {
        return conversation.get("custom_attributes") instanceof JsonObject attributes
                && attributes.get(ESCALATION_ATTRIBUTE) instanceof JsonString id && escalationId.equals(id.getString());
    }
}
