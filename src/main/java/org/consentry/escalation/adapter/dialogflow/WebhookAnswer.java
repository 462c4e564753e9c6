package org.consentry.escalation.adapter.dialogflow;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationStatus;

/**
 * WebhookResponses (google.cloud.dialogflow.cx.v3): the session parameters {@code consentry_escalation_id}
 * and {@code consentry_human_joined} tell the agent's flow who holds the conversation (a route condition
 * such as {@code $session.params.consentry_human_joined = true} keeps the bot quiet); while a human holds
 * it the queued bot messages are replaced by none. A resolved escalation sets both parameters to null
 * (Dialogflow removes them): the bot answers again.
 */
final class WebhookAnswer {

    static final String ESCALATION_ID = "consentry_escalation_id";
    static final String HUMAN_JOINED = "consentry_human_joined";

    private WebhookAnswer() {
    }

    /** The handoff happened (or had happened: a retried call gets the same answer). */
    static JsonObject handedOff(Escalation escalation, String language) {
        String text = "pl".equals(language) ? "Łączę z konsultantem. Proszę chwilę poczekać."
                : "Connecting you to a human agent. Please wait a moment.";
        return JSON.createObjectBuilder()
                .add("fulfillmentResponse", JSON.createObjectBuilder()
                        .add("messages", JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder().add("text", JSON.createObjectBuilder()
                                        .add("text", JSON.createArrayBuilder().add(text))))
                                .add(JSON.createObjectBuilder().add("liveAgentHandoff", JSON.createObjectBuilder()
                                        .add("metadata", JSON.createObjectBuilder().add("consentryEscalationId", escalation.id())))))
                        .add("mergeBehavior", "REPLACE"))
                .add("sessionInfo", parameters(escalation))
                .build();
    }

    /** A turn while Consentry has the conversation: with a human on it, the bot says nothing. */
    static JsonObject held(Escalation escalation) {
        JsonObjectBuilder answer = JSON.createObjectBuilder();
        if (escalation.status() == EscalationStatus.ASSIGNED) {
            answer.add("fulfillmentResponse", JSON.createObjectBuilder()
                    .add("messages", JSON.createArrayBuilder()).add("mergeBehavior", "REPLACE"));
        }
        return answer.add("sessionInfo", parameters(escalation)).build();
    }

    /** The escalation is resolved: the parameters go, the bot's own messages pass. */
    static JsonObject released() {
        return JSON.createObjectBuilder().add("sessionInfo", JSON.createObjectBuilder().add("parameters",
                JSON.createObjectBuilder().add(ESCALATION_ID, JsonValue.NULL).add(HUMAN_JOINED, JsonValue.NULL))).build();
    }

    private static JsonObjectBuilder parameters(Escalation escalation) {
        return JSON.createObjectBuilder().add("parameters", JSON.createObjectBuilder()
                .add(ESCALATION_ID, escalation.id())
                .add(HUMAN_JOINED, escalation.status() == EscalationStatus.ASSIGNED));
    }
}
