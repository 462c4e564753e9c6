package org.consentry.outbox.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.StandIn;
import org.consentry.testing.WebhookReceiver;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security review finding 6, signed idempotency: a CRM webhook and an agent-reply callback sign their
 * message id together with the attempt's timestamp and the body (Standard Webhooks), so a receiver
 * that applies each webhook-id once cannot be made to apply a captured message again under a new id.
 * Both deployments are mid-rotation (a current and a previous secret): every message carries both
 * signatures, and a receiver on either secret verifies it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignedIdempotencyIT {

    static final StandIn CRM = new StandIn();
    static final StandIn BOT = new StandIn();
    static final String CRM_SECRET = "whsec_Ca9GrlQ7mzi+zOJiMR22deqnujX3wEsmOlxjnO67CuE=";
    static final String CRM_PREVIOUS = "whsec_6FA2fb1WBjg0Z3Q4M9vH/7iN0weCa6TEuTr/kPRLX/o=";
    static final String CALLBACK_SECRET = "whsec_vU41oJtcTuxD4Kn4TX3wOlcO4fG5V17+LIkYCwhN+EM=";
    static final String CALLBACK_PREVIOUS = "whsec_dsr+LOM5bQqtO3PpFdEgdudGvo/K96PqKV+4b8OOvSw=";
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.crm.url=%s
                consentry.crm.secret=%s
                consentry.crm.secret.previous=%s
                consentry.crm.allow-http=true
                consentry.callback.secret=%s
                consentry.callback.secret.previous=%s
                consentry.callback.allow-http=true
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                """.formatted(CRM.url("/crm/events"), CRM_SECRET, CRM_PREVIOUS, CALLBACK_SECRET, CALLBACK_PREVIOUS));
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        CRM.received.clear();
        BOT.received.clear();
        CRM.up();
        BOT.up();
    }

    @AfterEach
    void tearDown() {
        CRM.down();
        BOT.down();
    }

    @Test
    void aCrmDeliveryReplayedUnderAnotherWebhookIdFailsVerification() throws Exception {
        String subject = "signed-" + UUID.randomUUID();
        var queued = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT,
                "{\"name\":\"Anna Nowak\",\"email\":\"anna.nowak@example.com\",\"consent\":"
                + "{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"message m-6\"}}");
        assertEquals(202, queued.status(), queued::toString);
        String deliveryId = queued.json().getString("deliveryId");

        StandIn.Request request = arrived(CRM, subject);
        assertEquals(deliveryId, request.header("webhook-id"), "webhook-id is the delivery id, the same on every retry");
        assertSignedAndBound(request, CRM_SECRET, CRM_PREVIOUS);
        assertFalse(new WebhookReceiver(CALLBACK_SECRET).verifies(request, Instant.now().getEpochSecond()),
                "the callback secret does not sign CRM deliveries");
    }

    @Test
    void anAgentReplyReplayedUnderAnotherWebhookIdFailsVerification() throws Exception {
        Handoff handoff = new Handoff().withConsent().callback(BOT.url("/bot/hook"));
        String id = handoff.handOff(api);
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        var reply = api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1, "{\"text\":\"Zwrot zlecony.\"}");
        assertEquals("callback", reply.json().getString("delivery"), reply::toString);

        StandIn.Request request = arrived(BOT, reply.json().getString("id"));
        assertTrue(request.header("webhook-id") != null && request.header("webhook-id").matches(UUID_PATTERN),
                "webhook-id is the outbox entry id: " + request.headers());
        assertSignedAndBound(request, CALLBACK_SECRET, CALLBACK_PREVIOUS);
        assertFalse(new WebhookReceiver(CRM_SECRET).verifies(request, Instant.now().getEpochSecond()),
                "the CRM secret does not sign callbacks");
    }

    private static StandIn.Request arrived(StandIn receiver, String mentioned) throws InterruptedException {
        receiver.await(1, 15_000);
        List<StandIn.Request> requests = receiver.received.stream().filter(r -> r.body().contains(mentioned)).toList();
        assertEquals(1, requests.size(), "one delivery: " + receiver.received);
        return requests.get(0);
    }

    /** What a receiver on either secret sees, and what a replay under another id (or time, or body) gets. */
    private static void assertSignedAndBound(StandIn.Request request, String current, String previous) {
        long now = Instant.now().getEpochSecond();
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        String body = request.body();
        assertTrue(timestamp != null && Math.abs(now - Long.parseLong(timestamp)) <= 60, "webhook-timestamp is now: " + timestamp);
        assertTrue(signatures != null && signatures.matches("v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}="),
                "one v1 signature per active secret: " + signatures);

        WebhookReceiver switched = new WebhookReceiver(current);
        WebhookReceiver notYet = new WebhookReceiver(previous);
        assertTrue(switched.verifies(request, now), "a receiver on the current secret verifies");
        assertTrue(notYet.verifies(request, now), "a receiver still on the previous secret verifies during rotation");
        assertFalse(new WebhookReceiver("whsec_" + "A".repeat(43) + "=").verifies(request, now), "another secret does not");

        String replayId = UUID.randomUUID().toString();
        assertFalse(switched.verifies(replayId, timestamp, signatures, body, now),
                "the same body and signatures under a new webhook-id fail: the id is signed");
        assertFalse(notYet.verifies(replayId, timestamp, signatures, body, now), "under the previous secret too");
        assertFalse(switched.verifies(id, String.valueOf(Long.parseLong(timestamp) + 1), signatures, body, now),
                "a moved timestamp fails: the timestamp is signed");
        assertFalse(switched.verifies(id, timestamp, signatures, body + " ", now), "a changed body fails");
        assertFalse(switched.verifies(id, timestamp, signatures, body, now + WebhookReceiver.TOLERANCE_SECONDS + 10),
                "outside the tolerance window the message is refused, so a receiver keeps seen ids only that long");

        assertNull(request.header("Consentry-Signature"), "the body-only signature is gone");
        assertNull(request.header("Idempotency-Key"), "no unsigned idempotency key beside the signed webhook-id");
    }
}
