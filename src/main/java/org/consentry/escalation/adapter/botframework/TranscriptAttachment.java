package org.consentry.escalation.adapter.botframework;

import static org.consentry.escalation.adapter.botframework.JsonFields.array;
import static org.consentry.escalation.adapter.botframework.JsonFields.element;
import static org.consentry.escalation.adapter.botframework.JsonFields.invalid;
import static org.consentry.escalation.adapter.botframework.JsonFields.object;
import static org.consentry.escalation.adapter.botframework.JsonFields.text;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consentry.escalation.boundary.From;
import org.consentry.escalation.boundary.TranscriptLine;

/**
 * The transcript of a handoff.initiate event: the attachment of content type
 * application/vnd.microsoft.activity.transcript, or the one the SDKs' EventFactory makes (content
 * type application/json, name "Transcript"), its content a Transcript ({@code activities}: message
 * activities). Only an inline transcript is taken: a contentUrl is never fetched. Each message with
 * text is a line: the bot's (from.role bot, or from the bot's id) or else the customer's.
 */
final class TranscriptAttachment {

    static final String CONTENT_TYPE = "application/vnd.microsoft.activity.transcript";
    static final int MAX_ACTIVITIES = 1000;

    private TranscriptAttachment() {
    }

    static List<TranscriptLine> lines(Activity event, String userId, String botId, Instant fallback) {
        int index = index(event);
        String path = "attachments[" + index + "].content";
        JsonObject content = object(event.attachments().get(index), "content", path, true);
        JsonArray activities = array(content, "activities", path + ".activities", MAX_ACTIVITIES);
        List<TranscriptLine> lines = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            String at = path + ".activities[" + i + "]";
            Activity line = ActivityReader.read(element(activities, i, path + ".activities"), at + ".", false);
            if (!line.isMessage() || line.text() == null || line.text().isBlank()) {
                continue;
            }
            boolean bot = "bot".equals(line.role()) || (line.role() == null && line.fromId() != null
                    && line.fromId().equals(botId) && !line.fromId().equals(userId));
            lines.add(new TranscriptLine(bot ? From.BOT : From.CUSTOMER, line.text(),
                    line.timestamp() == null ? fallback : line.timestamp()));
        }
        if (lines.isEmpty()) {
            throw invalid(path + ".activities", "must hold at least one message activity with text");
        }
        return lines;
    }

    static String firstLocale(Activity event) {
        try {
            JsonObject content = event.attachments().get(index(event)).getJsonObject("content");
            for (JsonObject activity : content.getJsonArray("activities").getValuesAs(JsonObject.class)) {
                String locale = text(activity, "locale", "locale", 64, false);
                if (locale != null) {
                    return locale;
                }
            }
        } catch (RuntimeException unreadable) {
            // the lines were read first: nothing here is worth a second error
        }
        return null;
    }

    /** The index of the transcript attachment; a 400 naming "attachments" when there is none. */
    static int index(Activity event) {
        List<JsonObject> attachments = event.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            String type = text(attachments.get(i), "contentType", "attachments[" + i + "].contentType", 256, false);
            String name = text(attachments.get(i), "name", "attachments[" + i + "].name", 256, false);
            if (CONTENT_TYPE.equalsIgnoreCase(type) || ("application/json".equalsIgnoreCase(type) && "Transcript".equalsIgnoreCase(name))) {
                return i;
            }
        }
        throw invalid("attachments", "must carry the conversation's transcript (contentType " + CONTENT_TYPE + ")");
    }
}
