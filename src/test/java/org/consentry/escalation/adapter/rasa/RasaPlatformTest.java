package org.consentry.escalation.adapter.rasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.consentry.escalation.control.AgentReply;
import org.consentry.escalation.control.HandoffStatus;
import org.consentry.escalation.control.PlatformConversation;
import org.consentry.outbox.control.DeliveryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consentry's calls to Rasa, against the fake that checks them against Rasa's published HTTP API. */
class RasaPlatformTest {

    FakeRasa rasa;
    RasaPlatform platform;

    @BeforeEach
    void up() {
        rasa = new FakeRasa().up();
        platform = new RasaPlatform();
        platform.rasaUrl = Optional.of(rasa.server.url("/"));
        platform.apiToken = Optional.of(FakeRasa.API_TOKEN);
        platform.callbackUrl = Optional.of(rasa.server.url(FakeRasa.CALLBACK));
        platform.clock = Clock.fixed(Instant.parse("2026-11-29T10:05:00Z"), ZoneOffset.UTC);
    }

    @AfterEach
    void down() {
        rasa.server.down();
    }

    @Test
    void aHumanJoiningPausesTheBotAndTheEndResumesItForAnySenderId() throws Exception {
        PlatformConversation conversation = conversation("user 42/ü");
        assertInstanceOf(DeliveryResult.Delivered.class, platform.status(conversation, HandoffStatus.ACCEPTED));
        assertInstanceOf(DeliveryResult.Delivered.class, platform.status(conversation, HandoffStatus.COMPLETED));
        assertEquals(List.of("pause", "resume"), rasa.events("user 42/ü", 2));
        assertTrue(rasa.server.received.get(0).path().startsWith("/conversations/user%2042%2F%C3%BC/tracker/events?token="),
                rasa.server.received.get(0).path());
        assertEquals(List.of(), rasa.contract.violations());
    }

    @Test
    void aReplyIsACallbackChannelMessage() throws Exception {
        DeliveryResult result = platform.reply(conversation("web-1"),
                new AgentReply("m-1", 3, "agent1", "Zwrot zlecony.", Instant.parse("2026-11-29T10:06:00Z")));
        assertInstanceOf(DeliveryResult.Delivered.class, result);
        assertEquals("Zwrot zlecony.", rasa.callbacks("web-1", 1).get(0).getString("text"));
    }

    @Test
    void aWrongTokenIsRejectedNamingThePathTemplateAndAMissingUrlIsRejectedNamingTheKey() {
        platform.apiToken = Optional.of("stale");
        DeliveryResult refused = platform.status(conversation("web-2"), HandoffStatus.ACCEPTED);
        assertEquals(new DeliveryResult.Rejected("rasa POST /conversations/{conversation_id}/tracker/events answered 401"), refused);
        platform.callbackUrl = Optional.empty();
        assertEquals(new DeliveryResult.Rejected("consentry.platforms.rasa.callback-url is not set"),
                platform.reply(conversation("web-2"), new AgentReply("m-2", 1, "agent1", "x", Instant.now())));
        rasa.server.down();
        assertInstanceOf(DeliveryResult.Retry.class, platform.status(conversation("web-2"), HandoffStatus.ACCEPTED), "Rasa down: later");
    }

    @Test
    void theFakeRefusesAnEventRasaDoesNotDescribe() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        rasa.server.url("/conversations/web-3/tracker/events?token=" + FakeRasa.API_TOKEN)))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"timestamp\":1764410400}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), "an event without its name");
        assertTrue(rasa.contract.violations().toString().contains("event"), rasa.contract.violations()::toString);
    }

    private static PlatformConversation conversation(String sender) {
        SenderRoute route = new SenderRoute(sender);
        return new PlatformConversation("e-1", route.conversationId(), route.subjectId(), "pl", route.toJson());
    }
}
