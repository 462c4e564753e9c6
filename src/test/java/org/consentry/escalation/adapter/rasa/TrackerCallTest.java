package org.consentry.escalation.adapter.rasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Instant;
import org.consentry.escalation.boundary.From;
import org.consentry.escalation.boundary.HandoffRequest;
import org.consentry.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

class TrackerCallTest {

    @Test
    void theTrackersUserAndBotUtterancesAreTheTranscript() {
        TrackerCall call = TrackerCall.parse(RasaPayloads.json(RasaPayloads.tracker("web-7f3a", "cust-1")));
        assertEquals(3, call.lines().size(), "two user events and one bot event; actions and session starts skipped");
        assertEquals(From.CUSTOMER, call.lines().get(0).from());
        assertEquals(Instant.parse("2025-11-29T10:00:00Z"), call.lines().get(0).at());
        assertEquals(From.BOT, call.lines().get(1).from());
        assertEquals(Instant.ofEpochSecond(1764410401L, 200_000_000L), call.lines().get(1).at(), "Rasa's float seconds");
        HandoffRequest request = RasaHandoffMapping.of(call, "en");
        assertEquals("rasa:web-7f3a", request.conversationId());
        assertEquals("cust-1", request.subjectId());
        assertEquals("pl", request.language());
        assertEquals("Podwójne obciążenie karty", request.reason());
        assertEquals("2026-11", request.consent().noticeVersion());
    }

    @Test
    void aSenderIdOutsideTheIdPatternIsHashedAndNamesTheSubjectWhenTheSlotDoesNot() {
        String text = RasaPayloads.tracker("user 42/ü", "x").replace("\"subjectId\": \"x\",", "");
        HandoffRequest request = RasaHandoffMapping.of(TrackerCall.parse(RasaPayloads.json(text)), "en");
        assertTrue(request.conversationId().matches("rasa:h:[A-Za-z0-9_-]{43}"), request.conversationId());
        assertEquals(request.conversationId(), request.subjectId());
    }

    @Test
    void malformedMembersAreNamed() {
        assertField("sender_id", "{\"events\":[]}");
        assertField("events", "{\"sender_id\":\"a\",\"events\":{}}");
        assertField("events[0].timestamp", "{\"sender_id\":\"a\",\"events\":[{\"event\":\"user\",\"text\":\"hi\",\"timestamp\":\"now\"}]}");
        assertField("events[0].event", "{\"sender_id\":\"a\",\"events\":[{\"text\":\"hi\"}]}");
        assertField("slots.consentry", "{\"sender_id\":\"a\",\"slots\":{\"consentry\":\"x\"}}");
        ProblemException empty = assertThrows(ProblemException.class, () -> RasaHandoffMapping.of(
                TrackerCall.parse(Json.createObjectBuilder().add("sender_id", "a").build()), "en"));
        assertEquals("events", empty.members().get("field"));
    }

    private static void assertField(String field, String body) {
        ProblemException e = assertThrows(ProblemException.class, () -> TrackerCall.parse(RasaPayloads.json(body)));
        assertEquals(field, e.members().get("field"), e.getMessage());
    }
}
