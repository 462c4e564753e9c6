package org.consentry.escalation.desk.chatwoot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * What Consentry reads of a Chatwoot webhook (Chatwoot's Message#webhook_data and Conversation#webhook_data,
 * docs/product/others/webhook-events.md): the event, and for message_created the message's id, type, privacy,
 * sender, conversation, content and Consentry's marker; for conversation_status_changed the conversation and
 * its status. Every other member is ignored (Chatwoot sends many); a member Consentry needs that is missing or
 * of the wrong type is a 400 naming it, never quoting the value.
 */
record DeskEvent(String event, long messageId, String messageType, boolean isPrivate, String senderType, long senderId,
                 long conversationId, String content, String marker, String status) {

    static final String MESSAGE_CREATED = "message_created";
    static final String STATUS_CHANGED = "conversation_status_changed";
    static final int MAX_CONTENT = 10_000;

    /** An agent's public reply: outgoing, not a private note, from a user (not a bot, not Consentry itself). */
    boolean agentReply() {
        return MESSAGE_CREATED.equals(event) && "outgoing".equals(messageType) && !isPrivate && "user".equals(senderType)
                && marker == null;
    }

    boolean resolved() {
        return STATUS_CHANGED.equals(event) && "resolved".equals(status);
    }

    static DeskEvent parse(byte[] body) {
        JsonObject root;
        try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(Problems.MALFORMED_BODY, "The body is not a JSON object");
        }
        String event = text(root, "event", "event", 64);
        return switch (event) {
            case MESSAGE_CREATED -> message(root);
            case STATUS_CHANGED -> new DeskEvent(event, 0, null, false, null, 0, number(root, "id", "id"), null, null,
                    text(root, "status", "status", 32));
            default -> new DeskEvent(event, 0, null, false, null, 0, 0, null, null, null);
        };
    }

    private static DeskEvent message(JsonObject root) {
        long id = number(root, "id", "id");
        String type = root.get("message_type") instanceof JsonNumber n ? (n.intValue() == 1 ? "outgoing" : "other")
                : text(root, "message_type", "message_type", 32);
        JsonValue flag = root.get("private");
        if (flag == null || flag.getValueType() != JsonValue.ValueType.TRUE && flag.getValueType() != JsonValue.ValueType.FALSE) {
            // without the flag a private note cannot be told from a reply: refuse rather than guess
            throw invalid("private", "must be true or false");
        }
        boolean isPrivate = flag.getValueType() == JsonValue.ValueType.TRUE;
        String senderType = null;
        long senderId = 0;
        if (root.get("sender") instanceof JsonObject sender) {
            senderType = sender.get("type") instanceof JsonString t ? t.getString() : null;
            senderId = sender.get("id") instanceof JsonNumber n && n.isIntegral() ? n.longValue() : 0;
        }
        if (!(root.get("conversation") instanceof JsonObject conversation)) {
            throw invalid("conversation", "must be an object");
        }
        long conversationId = number(conversation, "id", "conversation.id");
        String content = root.get("content") instanceof JsonString c ? c.getString() : null;
        if (content != null && content.length() > MAX_CONTENT) {
            throw invalid("content", "is longer than " + MAX_CONTENT + " characters");
        }
        String marker = root.get("content_attributes") instanceof JsonObject ? Markers.of(root) : null;
        DeskEvent parsed = new DeskEvent(MESSAGE_CREATED, id, type, isPrivate, senderType, senderId, conversationId, content,
                marker, null);
        if (parsed.agentReply() && (senderId <= 0 || content == null || content.isBlank())) {
            throw invalid(senderId <= 0 ? "sender.id" : "content", senderId <= 0 ? "must be the agent's id" : "must be text");
        }
        return parsed;
    }

    private static String text(JsonObject o, String member, String path, int max) {
        if (!(o.get(member) instanceof JsonString s) || s.getString().isEmpty() || s.getString().length() > max) {
            throw invalid(path, "must be a string of 1 to " + max + " characters");
        }
        return s.getString();
    }

    private static long number(JsonObject o, String member, String path) {
        if (!(o.get(member) instanceof JsonNumber n) || !n.isIntegral() || n.longValue() <= 0) {
            throw invalid(path, "must be a positive integer");
        }
        return n.longValue();
    }

    private static ProblemException invalid(String path, String what) {
        return new ProblemException(Problems.VALIDATION, "The Chatwoot event's " + path + " " + what).with("field", path);
    }
}
