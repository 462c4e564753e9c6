package org.consentry.escalation.adapter.dialogflow;

import static org.consentry.escalation.adapter.JsonFields.array;
import static org.consentry.escalation.adapter.JsonFields.bool;
import static org.consentry.escalation.adapter.JsonFields.invalid;
import static org.consentry.escalation.adapter.JsonFields.string;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.consentry.escalation.adapter.ConsentryMetadata;
import org.consentry.escalation.boundary.From;
import org.consentry.escalation.boundary.HandoffRequest;
import org.consentry.escalation.boundary.TranscriptLine;

/**
 * A webhook call that asks for a live agent, as Consentry's handoff. The transcript is what the call
 * carries: {@code payload.consentry.history} (the turns before this one, as the integration kept them:
 * {@code [{"from":"CUSTOMER"|"BOT","text":...,"at":"<RFC 3339>"}]}), then this turn's {@code text} or
 * {@code transcript}, then the bot's queued {@code messages} texts. Dialogflow itself sends no history.
 * The subject is {@code consentry.subjectId}, else {@code dfcx:} and the session's conversation hash.
 */
final class HandoffMapping {

    static final String DEFAULT_REASON = "Dialogflow CX live agent handoff";

    private HandoffMapping() {
    }

    static HandoffRequest of(WebhookCall call, Instant now) {
        JsonObject consentry = call.consentry();
        String path = call.consentryPath();
        String subject = string(consentry, "subjectId", path + ".subjectId", false);
        String conversationId = call.session().conversationId();
        List<TranscriptLine> transcript = new ArrayList<>(history(consentry, path));
        if (call.customerText() != null) {
            transcript.add(new TranscriptLine(From.CUSTOMER, call.customerText(), now));
        }
        call.botTexts().stream().filter(t -> !t.isBlank()).forEach(t -> transcript.add(new TranscriptLine(From.BOT, t, now)));
        if (transcript.isEmpty()) {
            throw invalid("text", "is required when " + path + ".history is empty (a handoff needs a transcript)");
        }
        return new HandoffRequest(conversationId, subject == null ? conversationId : subject, call.language(),
                reason(call, consentry, path), ConsentryMetadata.customer(consentry, path), transcript, null,
                bool(consentry, "aiDisclosureShown", path + ".aiDisclosureShown"), ConsentryMetadata.consent(consentry, path));
    }

    private static String reason(WebhookCall call, JsonObject consentry, String path) {
        String reason = string(consentry, "reason", path + ".reason", false);
        if (reason == null && call.handoffMetadata() != null) {
            reason = string(call.handoffMetadata(), "reason", "messages[].liveAgentHandoff.metadata.reason", false);
        }
        if (reason == null) {
            reason = call.intent();
        }
        return reason == null || reason.isBlank() ? DEFAULT_REASON : reason;
    }

    private static List<TranscriptLine> history(JsonObject consentry, String path) {
        var items = array(consentry, "history", path + ".history");
        List<TranscriptLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + ".history[" + i + "]";
            if (!(items.get(i) instanceof JsonObject item)) {
                throw invalid(at, "must be an object");
            }
            String from = string(item, "from", at + ".from", true);
            if (!from.equals("CUSTOMER") && !from.equals("BOT")) {
                throw invalid(at + ".from", "must be CUSTOMER or BOT");
            }
            String text = string(item, "text", at + ".text", true);
            if (text.isBlank()) {
                throw invalid(at + ".text", "must not be blank");
            }
            try {
                lines.add(new TranscriptLine(From.valueOf(from), text, Instant.parse(string(item, "at", at + ".at", true))));
            } catch (DateTimeParseException e) {
                throw invalid(at + ".at", "must be an RFC 3339 instant (2026-11-29T10:15:30Z)");
            }
        }
        return lines;
    }
}
