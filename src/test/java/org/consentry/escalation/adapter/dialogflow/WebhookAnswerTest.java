package org.consentry.escalation.adapter.dialogflow;

import static org.junit.jupiter.api.Assertions.assertFalse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import org.consentry.escalation.entity.AiDisclosure;
import org.consentry.escalation.entity.Escalation;
import org.junit.jupiter.api.Test;

class WebhookAnswerTest {

    @Test
    void theAnswersAreWebhookResponses() {
        Escalation waiting = new Escalation("dfcx:h:x", "cust-1", "dialogflow-cx:a", "pl", null, null, null, null,
                AiDisclosure.of(true), Instant.parse("2026-11-29T10:00:00Z"));
        JsonObject handedOff = WebhookAnswer.handedOff(waiting, "pl");
        WebhookResponseSchema.check(handedOff);
        assertEquals(waiting.id(), handedOff.getJsonObject("sessionInfo").getJsonObject("parameters").getString("consentry_escalation_id"));
        assertEquals(JsonValue.FALSE, handedOff.getJsonObject("sessionInfo").getJsonObject("parameters").get("consentry_human_joined"));
        assertEquals(waiting.id(), handedOff.getJsonObject("fulfillmentResponse").getJsonArray("messages").getJsonObject(1)
                .getJsonObject("liveAgentHandoff").getJsonObject("metadata").getString("consentryEscalationId"));
        JsonObject held = WebhookAnswer.held(waiting);
        WebhookResponseSchema.check(held);
        assertFalse(held.containsKey("fulfillmentResponse"), "while waiting the bot's own messages pass");
        JsonObject released = WebhookAnswer.released();
        WebhookResponseSchema.check(released);
        assertEquals(JsonValue.NULL, released.getJsonObject("sessionInfo").getJsonObject("parameters").get("consentry_escalation_id"));
    }

    @Test
    void theSchemaRefusesWhatDialogflowWouldNotRead() {
        assertFalse(WebhookResponseSchema.violations(Json.createObjectBuilder()
                .add("fulfillment_response", Json.createObjectBuilder()).build().toString()).isEmpty(), "snake_case is not the JSON form");
        assertFalse(WebhookResponseSchema.violations("{\"fulfillmentResponse\":{\"messages\":[{\"text\":{\"text\":[\"a\"]},"
                + "\"liveAgentHandoff\":{}}]}}").isEmpty(), "one message holds one kind");
        assertFalse(WebhookResponseSchema.violations("{\"fulfillmentResponse\":{\"mergeBehavior\":\"MERGE\"}}").isEmpty());
    }
}
