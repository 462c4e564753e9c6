package org.consentry.escalation.adapter.rasa;

import static org.consentry.escalation.adapter.JsonFields.bool;
import static org.consentry.escalation.adapter.JsonFields.invalid;
import static org.consentry.escalation.adapter.JsonFields.string;

import jakarta.json.JsonObject;
import org.consentry.escalation.adapter.ConsentryMetadata;
import org.consentry.escalation.boundary.HandoffRequest;

/**
 * A tracker as Consentry's handoff: the user and bot utterances are the transcript; the slot
 * {@code consentry} may name the subject ({@code subjectId}, else {@code rasa:<sender_id>}), the language
 * ({@code pl}|{@code en}, else consentry.platforms.rasa.language), the reason, the customer's fields,
 * whether the AI disclosure was shown, and the consent given in the chat
 * ({@code {noticeVersion, channel, evidence}}).
 */
final class RasaHandoffMapping {

    static final String DEFAULT_REASON = "Rasa handoff to a human agent";

    private RasaHandoffMapping() {
    }

    static HandoffRequest of(TrackerCall call, String defaultLanguage) {
        if (call.lines().isEmpty()) {
            throw invalid("events", "must hold at least one user or bot event with text");
        }
        JsonObject slot = call.consentry();
        String path = TrackerCall.CONSENTRY_PATH;
        String subject = string(slot, "subjectId", path + ".subjectId", false);
        String language = string(slot, "language", path + ".language", false);
        String reason = string(slot, "reason", path + ".reason", false);
        return new HandoffRequest(call.sender().conversationId(), subject == null ? call.sender().subjectId() : subject,
                language == null ? defaultLanguage : language, reason == null || reason.isBlank() ? DEFAULT_REASON : reason,
                ConsentryMetadata.customer(slot, path), call.lines(), null,
                bool(slot, "aiDisclosureShown", path + ".aiDisclosureShown"), ConsentryMetadata.consent(slot, path));
    }
}
