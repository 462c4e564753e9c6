package org.consentry.escalation.adapter.dialogflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.consentry.escalation.boundary.From;
import org.consentry.escalation.boundary.HandoffRequest;
import org.consentry.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

class WebhookCallTest {

    static final Instant NOW = Instant.parse("2026-11-29T10:01:00Z");

    @Test
    void theDocumentedHandoffCallBecomesAHandoffWithItsHistoryTurnAndBotText() {
        WebhookCall call = WebhookCall.parse(DialogflowPayloads.json(
                DialogflowPayloads.call("webhook-request-handoff.json", "s-1", "cust-1")));
        assertEquals("consentry-handoff", call.tag());
        assertTrue(call.handoff(), "the liveAgentHandoff message is seen");
        assertEquals("pl", call.language());
        HandoffRequest request = HandoffMapping.of(call, NOW);
        assertEquals("cust-1", request.subjectId());
        assertTrue(request.conversationId().matches("dfcx:h:[A-Za-z0-9_-]{43}"), request.conversationId());
        assertEquals(4, request.transcript().size(), "two lines of history, the customer's turn, the bot's text");
        assertEquals(From.CUSTOMER, request.transcript().get(0).from());
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), request.transcript().get(0).at());
        assertEquals(From.CUSTOMER, request.transcript().get(2).from());
        assertEquals(NOW, request.transcript().get(2).at());
        assertEquals(From.BOT, request.transcript().get(3).from());
        assertEquals("Podwójne obciążenie karty", request.reason(), "the handoff's metadata reason");
        assertEquals(Boolean.TRUE, request.aiDisclosureShown());
        assertEquals("2026-11", request.consent().noticeVersion());
        assertEquals("k.wisniewska@example.pl", request.customer().email());
        assertNull(request.customer().phone());
    }

    @Test
    void theConversationIdIsTheSameForTheSameSessionAndDiffersAcrossAgents() {
        String a = new SessionRoute(DialogflowPayloads.AGENT + "/sessions/s-1").conversationId();
        assertEquals(a, new SessionRoute(DialogflowPayloads.AGENT + "/sessions/s-1").conversationId());
        String other = new SessionRoute("projects/p/locations/global/agents/other/sessions/s-1").conversationId();
        assertTrue(!a.equals(other), "a session id is unique only within its agent");
        assertEquals("4f1c7b2e-8a3d-4e5f-9b6a-1c2d3e4f5a6b", new SessionRoute(DialogflowPayloads.AGENT + "/sessions/s-1").agent());
    }

    @Test
    void withoutAPayloadTheSubjectIsTheSessionsConversationAndUndocumentedMembersAreIgnored() {
        JsonObject body = Json.createObjectBuilder(DialogflowPayloads.json(
                        DialogflowPayloads.call("webhook-request-turn.json", "s-2", "unused")))
                .add("someInternalField", Json.createObjectBuilder().add("x", 1)).build();
        WebhookCall call = WebhookCall.parse(body);
        assertEquals("Czy zwrot już jest zlecony?", call.customerText());
        HandoffRequest request = HandoffMapping.of(call, NOW);
        assertEquals(request.conversationId(), request.subjectId());
        assertEquals("Default Negative Intent", request.reason(), "without a reason given, the matched intent's name");
    }

    @Test
    void eachMalformedMemberIsNamedByItsPath() {
        assertField("sessionInfo", body -> body.remove("sessionInfo"));
        assertField("sessionInfo.session", body -> body.add("sessionInfo", Json.createObjectBuilder().add("session", "sessions/x")));
        assertField("detectIntentResponseId", body -> body.add("detectIntentResponseId", 5));
        assertField("fulfillmentInfo", body -> body.remove("fulfillmentInfo"));
        assertField("messages[0]", body -> body.add("messages", Json.createArrayBuilder().add("text")));
        assertField("messages[0].text.text[0]", body -> body.add("messages", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("text", Json.createObjectBuilder().add("text", Json.createArrayBuilder().add(1))))));
    }

    @Test
    void aMalformedHistoryLineIsNamedToo() {
        String text = DialogflowPayloads.call("webhook-request-handoff.json", "s-3", "cust-3")
                .replace("\"at\": \"2026-11-29T10:00:04Z\"", "\"at\": \"yesterday\"");
        ProblemException e = assertThrows(ProblemException.class,
                () -> HandoffMapping.of(WebhookCall.parse(DialogflowPayloads.json(text)), NOW));
        assertEquals("payload.consentry.history[1].at", e.members().get("field"));
    }

    private static void assertField(String field, java.util.function.Consumer<jakarta.json.JsonObjectBuilder> change) {
        var body = Json.createObjectBuilder(DialogflowPayloads.json(
                DialogflowPayloads.call("webhook-request-handoff.json", "s-4", "cust-4")));
        change.accept(body);
        ProblemException e = assertThrows(ProblemException.class, () -> WebhookCall.parse(body.build()));
        assertEquals(400, e.type().status());
        assertEquals(field, e.members().get("field"), e.getMessage());
    }
}
