package org.consentry.escalation.adapter.dialogflow;

import static org.consentry.escalation.adapter.JsonFields.array;
import static org.consentry.escalation.adapter.JsonFields.invalid;
import static org.consentry.escalation.adapter.JsonFields.object;
import static org.consentry.escalation.adapter.JsonFields.string;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of a Dialogflow CX WebhookRequest (google.cloud.dialogflow.cx.v3, webhook.proto) that
 * Consentry reads; the rest is ignored, as Dialogflow asks of undocumented members. {@code customerText}
 * is this turn's {@code text} or {@code transcript}; {@code botTexts} the text responses already queued
 * in {@code messages}; {@code handoff} whether a {@code liveAgentHandoff} message is among them (its
 * metadata in {@code handoffMetadata}); {@code consentry} the integration's own member
 * {@code payload.consentry} (or, without one, the session parameter {@code consentry}).
 */
record WebhookCall(String responseId, String tag, SessionRoute session, String languageCode, String customerText,
                   List<String> botTexts, boolean handoff, JsonObject handoffMetadata, JsonObject consentry,
                   String consentryPath, String intent) {

    static final int MAX_ID = 200;

    static WebhookCall parse(JsonObject body) {
        String responseId = string(body, "detectIntentResponseId", "detectIntentResponseId", true);
        if (responseId.isBlank() || responseId.length() > MAX_ID) {
            throw invalid("detectIntentResponseId", "must be 1-" + MAX_ID + " characters");
        }
        JsonObject fulfillment = object(body, "fulfillmentInfo", "fulfillmentInfo", true);
        String tag = string(fulfillment, "tag", "fulfillmentInfo.tag", false);
        JsonObject sessionInfo = object(body, "sessionInfo", "sessionInfo", true);
        String session = string(sessionInfo, "session", "sessionInfo.session", true);
        if (!SessionRoute.valid(session)) {
            throw invalid("sessionInfo.session", "must be projects/<P>/locations/<L>/agents/<A>[/environments/<E>]/sessions/<S>");
        }
        JsonObject parameters = object(sessionInfo, "parameters", "sessionInfo.parameters", false);
        JsonObject payload = object(body, "payload", "payload", false);
        JsonObject consentry = object(payload, "consentry", "payload.consentry", false);
        String consentryPath = "payload.consentry";
        if (consentry == null) {
            consentry = object(parameters, "consentry", "sessionInfo.parameters.consentry", false);
            consentryPath = "sessionInfo.parameters.consentry";
        }
        String text = string(body, "text", "text", false);
        if (text == null) {
            text = string(body, "transcript", "transcript", false);
        }
        List<String> botTexts = new ArrayList<>();
        JsonObject handoffMetadata = null;
        boolean handoff = false;
        var messages = array(body, "messages", "messages");
        for (int i = 0; i < messages.size(); i++) {
            String path = "messages[" + i + "]";
            if (!(messages.get(i) instanceof JsonObject message)) {
                throw invalid(path, "must be an object");
            }
            JsonObject textMessage = object(message, "text", path + ".text", false);
            var variants = array(textMessage, "text", path + ".text.text");
            for (int j = 0; j < variants.size(); j++) {
                if (variants.get(j).getValueType() != JsonValue.ValueType.STRING) {
                    throw invalid(path + ".text.text[" + j + "]", "must be a string");
                }
            }
            if (!variants.isEmpty()) {
                botTexts.add(variants.getString(0)); // one variant is said at run time
            }
            if (message.containsKey("liveAgentHandoff")) {
                handoff = true;
                JsonObject live = object(message, "liveAgentHandoff", path + ".liveAgentHandoff", false);
                handoffMetadata = object(live, "metadata", path + ".liveAgentHandoff.metadata", false);
            }
        }
        JsonObject intentInfo = object(body, "intentInfo", "intentInfo", false);
        String intent = string(intentInfo, "displayName", "intentInfo.displayName", false);
        return new WebhookCall(responseId, tag, new SessionRoute(session), string(body, "languageCode", "languageCode", false),
                text == null || text.isBlank() ? null : text, List.copyOf(botTexts), handoff, handoffMetadata,
                consentry, consentryPath, intent);
    }

    /** Consentry's languages: pl for any Polish code (pl, pl-PL), else en. */
    String language() {
        return languageCode != null && languageCode.toLowerCase(java.util.Locale.ROOT).startsWith("pl") ? "pl" : "en";
    }
}
