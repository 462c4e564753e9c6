package org.consentry.crmsync.connector.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consentry.testing.Api;
import org.consentry.testing.CrmRecipient;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.Deployments;
import org.consentry.testing.StandIn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Salesforce connector end to end, through Consentry's public API, against a fake org that checks
 * every call against Salesforce's documented contract: a lead becomes a Contact (tokens out of the
 * standard fields), a resolved case a Case linked to it after the session expired (renewed once) and
 * the first upsert failed (nothing twice), a withdrawal stamped on the Contact with an OptOut consent
 * record, an erasure then deletes the Case, the Contact and the consent records Consentry made. API
 * limits, outages, garbage and a rotated secret are retries or failed deliveries with a reason, never
 * an error to the API caller.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SalesforceConnectorIT {

    static final String SECRET = "it-consumer-secret";
    static final FakeSalesforce FAKE = new FakeSalesforce(SECRET);
    static final StandIn SALESFORCE = new StandIn().answering(FAKE);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("config_ordinal=700\n" + new CrmRecipient("sf", "salesforce").at(SALESFORCE.url(""))
                .secret(SECRET).with("salesforce.client-id", FakeSalesforce.CLIENT_ID).with("salesforce.consent-objects", true)
                .fields("contact.name=clear contact.email=clear contact.phone=token case.reason=clear case.agent=clear case.transcript=clear")
                .only() + CrmRecipient.fastOutbox(Duration.ofSeconds(2)));
    }

    @BeforeAll
    static void up() {
        SALESFORCE.up();
    }

    @AfterAll
    static void down() {
        SALESFORCE.down();
    }

    @AfterEach
    void everyCallAsDocumented() {
        assertEquals(List.of(), FAKE.contract.violations(), "every call as Salesforce documents it");
        assertEquals(List.of(), FAKE.problems);
    }

    @ArquillianResource
    URL base;

    @Test
    void aLeadAndItsCaseArriveOnceEachAndAnErasureDeletesThem() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        String subject = handoff.subjectId;
        String lead = lead(api, subject);
        awaitStatus(api, lead, "DELIVERED");
        JsonObject contact = FAKE.record("Contact", subject);
        assertEquals("Katarzyna", contact.getString("FirstName"));
        assertEquals("Wiśniewska", contact.getString("LastName"));
        assertEquals(Handoff.EMAIL, contact.getString("Email"));
        assertFalse(contact.containsKey("Phone"), "a token is no phone number");
        String phoneToken = contact.getString("Consentry_Tokens__c");
        assertTrue(phoneToken.matches("\\{\"phone\":\"tok_[A-Za-z0-9_-]+\"}"), phoneToken);

        // the org's sessions end, and the first upsert of the Case finds Salesforce unavailable
        FAKE.expireSessions();
        long tokensBefore = FAKE.count("POST token");
        FAKE.plan("PATCH Case", SalesforceShapes.error(503, "SERVER_UNAVAILABLE", "Service unavailable"));
        String escalation = handoff.handOff(api);
        assertEquals(200, api.post("api/v1/escalations/" + escalation + "/claim", Api.AGENT1, "").status());
        assertEquals(200, api.post("api/v1/escalations/" + escalation + "/resolve", Api.AGENT1, "").status());
        JsonObject caseDelivery = awaitStatus(api, newest(api, "crm.case"), "DELIVERED");
        assertEquals(2, caseDelivery.getInt("attempts"), caseDelivery::toString);
        assertEquals(tokensBefore + 1, FAKE.count("POST token"), "the session renewed once, then cached");
        JsonObject salesforceCase = FAKE.record("Case", escalation);
        assertEquals(1, FAKE.records.of("Case").values().stream().filter(c -> subject.equals(c.getString("Consentry_Subject_Id__c"))).count(),
                "nothing twice");
        assertEquals(FAKE.record("Contact", subject).getString("Id"), salesforceCase.getString("ContactId"));
        assertEquals("Chat escalation: " + "Podwójne obciążenie karty", salesforceCase.getString("Subject"));
        String description = salesforceCase.getString("Description");
        assertTrue(description.contains("**** 1111"), description);
        for (String secret : new String[] {Handoff.CARD, "4111111111111111", Handoff.PESEL}) {
            assertFalse(description.contains(secret), "the case carries an identifier in clear");
        }

        // the withdrawal reaches the org that holds the contact: stamped on it, and an OptOut consent record
        assertEquals(204, api.delete("api/v1/subjects/" + subject + "/consents/crm-sync", Api.BOT).status());
        Eventually.until("the withdrawal is stamped on the Contact, with an OptOut consent record", Duration.ofSeconds(30),
                () -> FAKE.record("Contact", subject).containsKey("Consentry_Consent_Withdrawn__c")
                        && FAKE.records.of("ContactPointTypeConsent").values().stream()
                                .anyMatch(c -> "OptOut".equals(c.getString("PrivacyConsentStatus", null))));

        Api.Reply erasure = api.delete("api/v1/subjects/" + subject, Api.ADMIN);
        assertEquals(202, erasure.status(), erasure::toString);
        String requestId = erasure.json().getString("requestId");
        try {
            Eventually.until("the erasure completes", Duration.ofSeconds(60),
                    () -> "COMPLETED".equals(api.get("api/v1/erasures/" + requestId, Api.ADMIN).json().getString("status")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + api.get("api/v1/erasures/" + requestId, Api.ADMIN).json() + " "
                    + outbox(api).stream().filter(d -> d.getString("kind").equals("crm.erase")).toList() + " " + FAKE.calls, e);
        }
        assertNull(FAKE.record("Case", escalation), "the Case is deleted");
        assertNull(FAKE.record("Contact", subject), "then the Contact");
        assertTrue(FAKE.calls.stream().anyMatch(c -> c.route().equals("DELETE Individual") && c.path().endsWith("/" + subject)),
                "consent objects are on: Consentry's Individual is asked for too");
        assertEquals("DELIVERED", outbox(api).stream().filter(d -> d.getString("kind").equals("crm.erase")).findFirst()
                .orElseThrow().getString("status"));
    }

    @Test
    void theOrgsApiLimitAndARetryAfterDelayTheNextAttempts() throws Exception {
        Api api = new Api(base);
        String subject = new Handoff().subjectId;
        FAKE.plan("PATCH Contact", SalesforceShapes.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
        FAKE.plan("PATCH Contact", new StandIn.Answer(503, "[{\"message\":\"Try later\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]",
                Map.of("Retry-After", "3")));
        String lead = lead(api, subject);
        JsonObject delivered = awaitStatus(api, lead, "DELIVERED");
        assertEquals(3, delivered.getInt("attempts"), delivered::toString);
        List<Instant> upserts = FAKE.calls.stream().filter(c -> c.route().equals("PATCH Contact") && c.path().endsWith("/" + subject))
                .map(FakeSalesforce.Call::at).toList();
        assertEquals(3, upserts.size(), upserts::toString);
        Duration waited = Duration.between(upserts.get(1), upserts.get(2));
        assertTrue(waited.compareTo(Duration.ofMillis(2800)) >= 0, "Retry-After: 3 was not honoured: " + waited);
        assertEquals("Katarzyna", FAKE.record("Contact", subject).getString("FirstName"));
    }

    @Test
    void garbageIsARetryAndARotatedSecretAFailedDeliveryWithItsReason() throws Exception {
        Api api = new Api(base);
        String subject = new Handoff().subjectId;
        FAKE.plan("PATCH Contact", new StandIn.Answer(200, "<html><body>Down for maintenance</body></html>"));
        JsonObject delivered = awaitStatus(api, lead(api, subject), "DELIVERED");
        assertEquals(2, delivered.getInt("attempts"), delivered::toString);

        FAKE.clientSecret = "rotated-in-salesforce";
        FAKE.expireSessions();
        String second = lead(api, subject); // 202 to the bot: the org's refusal is the delivery's, not the caller's
        JsonObject failed = awaitStatus(api, second, "FAILED");
        assertEquals("salesforce POST /services/oauth2/token answered 400 invalid_client", failed.getString("lastOutcome"));
        FAKE.clientSecret = SECRET;
        assertEquals(200, api.post("api/v1/crm/outbox/" + second + "/retry", Api.ADMIN, "").status());
        awaitStatus(api, second, "DELIVERED");
        assertEquals(1, FAKE.records.of("Contact").keySet().stream().filter(subject::equals).count());
    }

    private static String lead(Api api, String subject) {
        Api.Reply reply = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT,
                "{\"name\":\"" + Handoff.NAME + "\",\"email\":\"" + Handoff.EMAIL + "\",\"phone\":\"" + Handoff.PHONE + "\","
                + "\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"m-2\"}}");
        assertEquals(202, reply.status(), reply::toString);
        return reply.json().getString("deliveryId");
    }

    private static List<JsonObject> outbox(Api api) {
        return api.get("api/v1/crm/outbox", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static String newest(Api api, String kind) {
        return outbox(api).stream().filter(d -> d.getString("kind").equals(kind)).findFirst().orElseThrow().getString("id");
    }

    private static JsonObject awaitStatus(Api api, String delivery, String status) throws Exception {
        JsonObject[] found = new JsonObject[1];
        Eventually.until("delivery " + delivery + " " + status + " (" + FAKE.problems + FAKE.contract.violations() + ")",
                Duration.ofSeconds(30), () -> {
                    found[0] = outbox(api).stream().filter(d -> d.getString("id").equals(delivery)).findFirst().orElseThrow();
                    String now = found[0].getString("status");
                    if (now.equals("FAILED") && !status.equals("FAILED")) {
                        throw new AssertionError("failed: " + found[0]);
                    }
                    return now.equals(status);
                });
        return found[0];
    }
}
