package org.consentry.escalation.adapter.botframework;

import static org.consentry.escalation.adapter.botframework.JsonFields.array;
import static org.consentry.escalation.adapter.botframework.JsonFields.element;
import static org.consentry.escalation.adapter.botframework.JsonFields.instant;
import static org.consentry.escalation.adapter.botframework.JsonFields.invalid;
import static org.consentry.escalation.adapter.botframework.JsonFields.object;
import static org.consentry.escalation.adapter.botframework.JsonFields.text;
import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/** Reads an activity (or a transcript's activity) from its JSON, bounding and checking what Consentry uses. */
public final class ActivityReader {

    static final int MAX_TEXT = 32_000;
    static final int MAX_ID = 1024;
    static final int MAX_ATTACHMENTS = 50;

    private ActivityReader() {
    }

    /** The request body: one activity. */
    public static Activity read(String body) {
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(Problems.MALFORMED_BODY, "The request body is not a JSON object (an activity).");
        }
        return inbound(json);
    }

    /** The activity a channel posted, already read as JSON (strict UTF-8, whatever charset the request claims). */
    public static Activity inbound(JsonObject json) {
        Activity activity = read(json, "", true);
        if (activity.serviceUrl() == null) {
            throw invalid("serviceUrl", "is required");
        }
        return activity;
    }

    /** One activity at {@code path} ("" for the body, e.g. "attachments[0].content.activities[3]." inside a transcript). */
    static Activity read(JsonObject json, String path, boolean inbound) {
        String type = text(json, "type", path + "type", 64, true);
        JsonObject conversation = object(json, "conversation", path + "conversation", inbound);
        String conversationId = text(conversation, "id", path + "conversation.id", MAX_ID, inbound);
        JsonObject from = object(json, "from", path + "from", inbound && "message".equals(type));
        JsonObject recipient = object(json, "recipient", path + "recipient", false);
        String role = role(text(from, "role", path + "from.role", 32, false), text(recipient, "role", path + "recipient.role", 32, false));
        JsonArray attachments = array(json, "attachments", path + "attachments", MAX_ATTACHMENTS);
        List<JsonObject> attachmentObjects = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            attachmentObjects.add(element(attachments, i, path + "attachments"));
        }
        return new Activity(type,
                text(json, "name", path + "name", 256, false),
                text(json, "id", path + "id", MAX_ID, false),
                text(json, "channelId", path + "channelId", 64, false),
                text(json, "serviceUrl", path + "serviceUrl", 2048, false),
                conversationId,
                text(from, "id", path + "from.id", MAX_ID, inbound && "message".equals(type)),
                role,
                text(recipient, "id", path + "recipient.id", MAX_ID, false),
                text(json, "text", path + "text", MAX_TEXT, false),
                text(json, "locale", path + "locale", 64, false),
                instant(json, "timestamp", path + "timestamp"),
                json.get("value") instanceof JsonObject value ? value : null,
                object(json, "channelData", path + "channelData", false),
                object(json, "relatesTo", path + "relatesTo", false),
                List.copyOf(attachmentObjects));
    }

    /** "user" or "bot": from.role when it says, else the opposite of recipient.role; null when neither says. */
    static String role(String fromRole, String recipientRole) {
        String from = fromRole == null ? null : fromRole.toLowerCase(Locale.ROOT);
        if ("user".equals(from) || "bot".equals(from) || "skill".equals(from)) {
            return "user".equals(from) ? "user" : "bot";
        }
        String to = recipientRole == null ? null : recipientRole.toLowerCase(Locale.ROOT);
        if ("bot".equals(to) || "skill".equals(to)) {
            return "user";
        }
        return "user".equals(to) ? "bot" : null;
    }
}
