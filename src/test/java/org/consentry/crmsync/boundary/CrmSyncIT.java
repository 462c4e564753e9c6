package org.consentry.crmsync.boundary;

import static org.consentry.platform.entity.JsonProviders.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.StandIn;
import org.consentry.testing.WebhookReceiver;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
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
 * The CRM sync against a real HTTP stand-in on loopback (the webhook connector): consent decides,
 * fields leave as the policy says, deliveries are signed, survive the CRM being down, and a retry has
 * one effect.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrmSyncIT {

    static final StandIn CRM = new StandIn();
    static final String SECRET = "whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.crm.url=%s
                consentry.crm.secret=%s
                consentry.crm.allow-http=true
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                """.formatted(CRM.url("/crm/events"), SECRET));
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        CRM.received.clear();
        CRM.answering(r -> new StandIn.Answer(204, "")).up();
    }

    @AfterEach
    void tearDown() {
        CRM.down();
    }

    private void consent(String subject, String purpose) {
        var reply = api.put("api/v1/subjects/" + subject + "/consents/" + purpose, Api.BOT,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"message m-9\"}");
        assertEquals(200, reply.status(), reply::toString);
    }

    private static List<JsonObject> bodiesFor(String subject) {
        return CRM.received.stream().map(r -> JSON.createReader(new StringReader(r.body())).readObject())
                .filter(b -> subject.equals(b.getString("subjectId", null))).toList();
    }

    private static List<StandIn.Request> requestsFor(String subject) {
        return CRM.received.stream().filter(r -> r.body().contains("\"" + subject + "\"")).toList();
    }

    private String lead(String subject) {
        return "{\"name\":\"Anna Nowak\",\"email\":\"anna.nowak@example.com\",\"phone\":\"+48 600 100 200\"}";
    }

    /** A lead that carries the customer's consent to crm-sync (how a bot records it without a handoff). */
    private static String consentedLead() {
        return "{\"name\":\"Anna Nowak\",\"email\":\"anna.nowak@example.com\",\"phone\":\"+48 600 100 200\","
                + "\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"message m-9\"}}";
    }

    @Test
    @Proves(Duty.GDPR_25)
    void withoutConsentNothingLeavesAndTheRefusalIsAudited() throws Exception {
        String subject = "crm-" + UUID.randomUUID();
        var reply = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT, lead(subject));
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("crm-sync", reply.problem().getString("purpose"));
        Thread.sleep(1500);
        assertTrue(requestsFor(subject).isEmpty(), "nothing was sent");
        var audit = api.get("api/v1/audit?subjectId=" + subject, Api.ADMIN).structure().asJsonArray();
        assertEquals("DENIED", audit.getJsonObject(0).getString("outcome"));
        assertEquals("crm-sync", audit.getJsonObject(0).getString("purpose"));
    }

    @Test
    @Proves({Duty.GDPR_5_1_C, Duty.GDPR_32})
    void aLeadLeavesMinimisedSignedAndOnce() throws Exception {
        String subject = "crm-" + UUID.randomUUID();
        var queued = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT, consentedLead());
        assertEquals(202, queued.status(), queued::toString);
        String deliveryId = queued.json().getString("deliveryId");

        CRM.await(1, 10_000);
        List<StandIn.Request> requests = requestsFor(subject);
        assertEquals(1, requests.size());
        StandIn.Request request = requests.get(0);
        assertEquals(deliveryId, request.header("webhook-id"));
        long now = Instant.now().getEpochSecond();
        assertTrue(new WebhookReceiver(SECRET).verifies(request, now), "signed with consentry.crm.secret: " + request.headers());
        assertFalse(new WebhookReceiver("whsec_" + "B".repeat(43) + "=").verifies(request, now), "and with no other secret");

        JsonObject event = JSON.createReader(new StringReader(request.body())).readObject();
        assertEquals("contact.upsert", event.getString("type"));
        JsonObject contact = event.getJsonObject("contact");
        assertEquals("Anna Nowak", contact.getString("name"), "name: clear");
        assertEquals("anna.nowak@example.com", contact.getString("email"), "email: clear");
        String phoneToken = contact.getString("phone");
        assertTrue(phoneToken.startsWith("tok_"), "phone: token, " + phoneToken);
        assertFalse(request.body().contains("600 100 200") || request.body().contains("600100200"));

        // the same value of the same subject gets the same token: the CRM can still match
        api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT, lead(subject));
        CRM.await(2, 10_000);
        assertEquals(phoneToken, bodiesFor(subject).get(1).getJsonObject("contact").getString("phone"));
    }

    @Test
    @Proves(Duty.GDPR_5_1_C)
    void aResolvedCaseLeavesWithItsTranscriptRedacted() throws Exception {
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        consent(handoff.subjectId, "crm-sync"); // in the conversation the bot handed off
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1,
                "{\"text\":\"Potwierdzam zwrot na kartę 5555 5555 5555 4444, PESEL 02070803628.\"}");
        assertEquals(200, api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "").status());

        CRM.await(1, 10_000);
        List<JsonObject> events = bodiesFor(handoff.subjectId);
        assertEquals(1, events.size(), events::toString);
        JsonObject event = events.get(0);
        assertEquals("case.resolved", event.getString("type"));
        JsonObject crmCase = event.getJsonObject("case");
        assertEquals(id, crmCase.getString("escalationId"));
        assertEquals("Podwójne obciążenie karty", crmCase.getString("reason"), "reason: clear");
        assertNull(crmCase.get("agent"), "agent: dropped");
        String text = crmCase.getJsonArray("transcript").toString();
        for (String secret : new String[] {Handoff.CARD, "4111111111111111", Handoff.PESEL, "5555 5555 5555 4444",
                "02070803628", Handoff.EMAIL}) {
            assertFalse(text.contains(secret), "the transcript left with personal identifiers: " + text);
        }
        assertTrue(text.contains("**** 1111") && text.contains("**** 4444"), text);
        assertEquals(3, crmCase.getJsonArray("transcript").size());
        assertEquals(Handoff.NAME, event.getJsonObject("contact").getString("name"));
    }

    @Test
    @Proves(Duty.GDPR_25)
    void resolvingWithoutConsentToCrmSyncStillResolvesButSendsNothing() throws Exception {
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        var resolved = api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "");
        assertEquals(200, resolved.status(), resolved::toString);
        assertEquals("RESOLVED", resolved.json().getString("status"));
        Thread.sleep(1500);
        assertTrue(bodiesFor(handoff.subjectId).isEmpty());
        var audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=50", Api.ADMIN)
                .structure().asJsonArray().getValuesAs(JsonObject.class);
        assertTrue(audit.stream().anyMatch(e -> "crm-sync".equals(e.getString("purpose", null))
                && e.getString("outcome").equals("DENIED")), audit::toString);
    }

    @Test
    void theCrmDownForAWhileGetsEachDeliveryOnceWhenBack() throws Exception {
        CRM.down();
        String subject = "crm-" + UUID.randomUUID();
        String delivery = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT, consentedLead()).json().getString("deliveryId");
        Thread.sleep(3000);
        var pending = api.get("api/v1/crm/outbox?status=PENDING", Api.ADMIN).structure().asJsonArray()
                .getValuesAs(JsonObject.class).stream().filter(d -> d.getString("id").equals(delivery)).findFirst().orElseThrow();
        assertTrue(pending.getInt("attempts") >= 2, "retried while down: " + pending);
        assertEquals("no answer: connection refused", pending.getString("lastOutcome"), pending::toString);

        long back = System.nanoTime();
        CRM.up();
        CRM.await(1, 15_000);
        long afterBack = (System.nanoTime() - back) / 1_000_000;
        Thread.sleep(1500);
        assertEquals(1, requestsFor(subject).size(), "delivered once");
        System.out.printf("outage: CRM down 3 s, %d attempts while down (back-off 0.2 s doubling, capped 1 s), "
                + "delivered %d ms after it came back, once%n", pending.getInt("attempts"), afterBack);
        var delivered = api.get("api/v1/crm/outbox?status=DELIVERED", Api.ADMIN);
        assertTrue(delivered.text().contains(delivery));
        assertFalse(delivered.text().contains(subject), "the outbox listing names no subject");
        assertFalse(delivered.text().contains("Anna"));
    }

    @Test
    void aRetryAfterA500HasOneEffect() throws Exception {
        Set<String> applied = ConcurrentHashMap.newKeySet();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        CRM.answering(r -> {
            String key = r.header("webhook-id");
            if (failedOnce.add(key)) {
                return new StandIn.Answer(500, "{\"error\":\"try later\"}");
            }
            applied.add(key); // a real CRM applies a webhook-id once
            return new StandIn.Answer(200, "{}");
        });
        String subject = "crm-" + UUID.randomUUID();
        String delivery = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT, consentedLead()).json().getString("deliveryId");
        CRM.await(2, 10_000);
        Thread.sleep(1000);
        List<StandIn.Request> attempts = requestsFor(subject);
        assertEquals(2, attempts.size(), "one failure, one success");
        assertEquals(attempts.get(0).header("webhook-id"), attempts.get(1).header("webhook-id"));
        assertEquals(delivery, attempts.get(1).header("webhook-id"));
        long now = Instant.now().getEpochSecond();
        assertTrue(attempts.stream().allMatch(a -> new WebhookReceiver(SECRET).verifies(a, now)), "each attempt signed anew");
        assertEquals(attempts.get(0).body(), attempts.get(1).body(), "the same delivery, twice");
        assertTrue(applied.contains(delivery));
    }

    @Test
    void aRejectedDeliveryFailsAndAnAdminRetriesIt() throws Exception {
        CRM.answering(r -> new StandIn.Answer(400, "{\"error\":\"bad\"}"));
        String subject = "crm-" + UUID.randomUUID();
        String delivery = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT, consentedLead()).json().getString("deliveryId");
        CRM.await(1, 10_000);
        Thread.sleep(800);
        var failed = api.get("api/v1/crm/outbox?status=FAILED", Api.ADMIN);
        assertTrue(failed.text().contains(delivery), failed::toString);
        assertEquals(404, api.post("api/v1/crm/outbox/" + UUID.randomUUID() + "/retry", Api.ADMIN, "").status());

        CRM.answering(r -> new StandIn.Answer(204, ""));
        var retried = api.post("api/v1/crm/outbox/" + delivery + "/retry", Api.ADMIN, "");
        assertEquals(200, retried.status(), retried::toString);
        assertEquals("PENDING", retried.json().getString("status"));
        CRM.await(2, 10_000);
        Thread.sleep(800);
        assertTrue(api.get("api/v1/crm/outbox?status=DELIVERED", Api.ADMIN).text().contains(delivery));
        assertEquals(409, api.post("api/v1/crm/outbox/" + delivery + "/retry", Api.ADMIN, "").status(),
                "a delivered one is not sent again");
        assertEquals(403, api.get("api/v1/crm/outbox", Api.BOT).status());
    }
}
