package org.consentry.crmsync.connector.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.consentry.testing.Api;
import org.consentry.testing.CrmRecipient;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
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
 * The HubSpot connector through Consentry's public API against a fake HubSpot that checks every call
 * against HubSpot's published CRM v3 contract: a lead becomes one contact keyed by the subject id, a
 * resolved case one note on it even when an attempt's answer is lost, a withdrawal marks the contact,
 * an erasure archives the notes and GDPR-deletes the contact; a 429 waits as HubSpot's headers say; a
 * revoked token is a failed delivery with a reason, never an error to the API's caller.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HubSpotConnectorIT {

    static final StandIn HUBSPOT = new StandIn();
    static final FakeHubSpot FAKE = new FakeHubSpot();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("config_ordinal=700\n" + new CrmRecipient("hs", "hubspot").at(HUBSPOT.url(""))
                .secret(FakeHubSpot.TOKEN)
                .fields("contact.name=clear contact.email=clear contact.phone=token case.reason=clear case.agent=clear case.transcript=clear")
                .only() + CrmRecipient.fastOutbox(Duration.ofSeconds(1)));
    }

    @BeforeAll
    static void up() {
        HUBSPOT.answering(FAKE).up();
    }

    @AfterAll
    static void down() {
        HUBSPOT.down();
    }

    @AfterEach
    void contract() {
        assertEquals(List.of(), FAKE.violations(), "every call as HubSpot's contract describes it");
    }

    @ArquillianResource
    URL base;

    @Test
    void aLeadAndItsResolvedCaseArriveOnceEachAndAnErasureRemovesBoth() throws Exception {
        Api api = new Api(base);
        Handoff handoff = customer();
        String email = handoff.subjectId + "@example.pl";
        String leadDelivery = lead(api, handoff.subjectId, email);
        JsonObject delivered = awaitStatus(api, leadDelivery, "DELIVERED");
        Map<String, String> contact = contactOf(handoff.subjectId).orElseThrow();
        assertEquals("Katarzyna", contact.get("firstname"));
        assertEquals("Wiśniewska", contact.get("lastname"));
        assertEquals(email, contact.get("email"));
        assertFalse(contact.containsKey("phone"), "a tokenised phone is not put where HubSpot wants a phone number");
        assertTrue(contact.get("consentry_tokens").matches("\\{\"phone\":\"tok_[^\"]+\"}"), contact.get("consentry_tokens"));
        assertEquals("granted", contact.get("consentry_crm_sync_consent"));

        // the answer to the note's creation is lost (the note exists): the repeated attempt must not write it twice
        FAKE.garbageOnce.add("POST /crm/v3/objects/notes");
        String id = handoff.handOff(api);
        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        assertEquals(200, api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "").status());
        JsonObject caseDelivery = awaitStatus(api, find(api, delivered.getString("subjectRef"), "crm.case").getString("id"), "DELIVERED");
        assertEquals(2, caseDelivery.getInt("attempts"), caseDelivery::toString);
        assertEquals(1, FAKE.crm.contacts.values().stream().filter(c -> handoff.subjectId.equals(c.get("consentry_subject_id"))).count());
        String contactId = idOf(handoff.subjectId);
        List<String> notes = notesOf(contactId);
        assertEquals(1, notes.size(), "one note for one case: " + FAKE.state());
        String body = FAKE.crm.notes.get(notes.get(0)).get("hs_note_body");
        assertTrue(body.startsWith("<p>[consentry case " + id + "]</p>"), body);
        assertTrue(body.contains("**** 1111"), body);
        for (String secret : new String[] {Handoff.CARD, "4111111111111111", Handoff.PESEL}) {
            assertFalse(body.contains(secret), "the note carries an identifier in clear");
        }

        var erasure = api.delete("api/v1/subjects/" + handoff.subjectId, Api.ADMIN);
        assertEquals(202, erasure.status(), erasure::toString);
        String requestId = erasure.json().getString("requestId");
        Eventually.until("the erasure completes", Duration.ofSeconds(30),
                () -> "COMPLETED".equals(api.get("api/v1/erasures/" + requestId, Api.ADMIN).json().getString("status")));
        assertTrue(contactOf(handoff.subjectId).isEmpty(), "the contact is gone");
        assertTrue(FAKE.crm.gdprDeleted.contains(handoff.subjectId), "by HubSpot's GDPR delete");
        assertTrue(FAKE.crm.archivedNotes.containsAll(notes), "the case note is archived");
    }

    @Test
    void aWithdrawalMarksTheContactWithdrawn() throws Exception {
        Api api = new Api(base);
        String subject = "cust-" + UUID.randomUUID();
        JsonObject delivered = awaitStatus(api, lead(api, subject, subject + "@example.pl"), "DELIVERED");
        assertEquals(204, api.delete("api/v1/subjects/" + subject + "/consents/crm-sync", Api.BOT).status());
        awaitStatus(api, find(api, delivered.getString("subjectRef"), "crm.consent").getString("id"), "DELIVERED");
        assertEquals("withdrawn", contactOf(subject).orElseThrow().get("consentry_crm_sync_consent"));
    }

    @Test
    void a429DelaysTheNextAttemptAsLongAsHubSpotsRateLimitHeadersSay() throws Exception {
        Api api = new Api(base);
        FAKE.rateLimit(1);
        String subject = "cust-" + UUID.randomUUID();
        String delivery = lead(api, subject, subject + "@example.pl");
        Eventually.until("the first attempt is answered 429", Duration.ofSeconds(10), () -> view(api, delivery).getInt("attempts") >= 1);
        JsonObject waiting = view(api, delivery);
        assertEquals("PENDING", waiting.getString("status"));
        assertEquals("hubspot POST /crm/v3/objects/contacts/batch/upsert answered 429", waiting.getString("lastOutcome"));
        Duration wait = Duration.between(Instant.parse(waiting.getString("lastAttemptAt")), Instant.parse(waiting.getString("nextAttemptAt")));
        assertTrue(wait.compareTo(Duration.ofSeconds(9)) >= 0, "X-HubSpot-RateLimit-Interval-Milliseconds 10000, waited " + wait);
        JsonObject delivered = awaitStatus(api, delivery, "DELIVERED");
        assertEquals(2, delivered.getInt("attempts"));
    }

    @Test
    void aRevokedTokenIsAFailedDeliveryWithAReasonAndARetryAfterTheFixDeliversIt() throws Exception {
        Api api = new Api(base);
        FAKE.acceptOnly("pat-eu1-rotated");
        String subject = "cust-" + UUID.randomUUID();
        String delivery;
        try {
            delivery = lead(api, subject, subject + "@example.pl"); // 202: the caller never sees HubSpot's refusal
            JsonObject failed = awaitStatus(api, delivery, "FAILED");
            assertEquals("hubspot POST /crm/v3/objects/contacts/batch/upsert answered 401", failed.getString("lastOutcome"));
        } finally {
            FAKE.acceptOnly(FakeHubSpot.TOKEN);
        }
        assertEquals(200, api.post("api/v1/crm/outbox/" + delivery + "/retry", Api.ADMIN, "").status());
        awaitStatus(api, delivery, "DELIVERED");
        assertTrue(contactOf(subject).isPresent());
    }

    private static Handoff customer() {
        Handoff handoff = new Handoff().withConsent();
        return handoff.customer(Handoff.NAME, handoff.subjectId + "@example.pl", Handoff.PHONE);
    }

    /** A lead with the customer's consent to crm-sync; its delivery to HubSpot. */
    private static String lead(Api api, String subject, String email) {
        var lead = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT, "{\"name\":\"" + Handoff.NAME + "\",\"email\":\""
                + email + "\",\"phone\":\"" + Handoff.PHONE + "\",\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\","
                + "\"evidence\":\"m-2\"}}");
        assertEquals(202, lead.status(), lead::toString);
        return lead.json().getString("deliveryId");
    }

    private static Optional<Map<String, String>> contactOf(String subject) {
        synchronized (FAKE) {
            return FAKE.crm.contacts.values().stream().filter(c -> subject.equals(c.get("consentry_subject_id"))).findFirst().map(Map::copyOf);
        }
    }

    private static String idOf(String subject) {
        synchronized (FAKE) {
            return FAKE.crm.find(subject, "consentry_subject_id").orElseThrow();
        }
    }

    private static List<String> notesOf(String contactId) {
        synchronized (FAKE) {
            return FAKE.crm.noteContacts.entrySet().stream().filter(e -> e.getValue().contains(contactId)).map(Map.Entry::getKey).toList();
        }
    }

    private static List<JsonObject> outbox(Api api) {
        return api.get("api/v1/crm/outbox?recipient=hs&limit=1000", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject view(Api api, String delivery) {
        return outbox(api).stream().filter(d -> d.getString("id").equals(delivery)).findFirst().orElseThrow();
    }

    private static JsonObject find(Api api, String subjectRef, String kind) throws Exception {
        Eventually.until(kind + " queued", Duration.ofSeconds(10), () -> outbox(api).stream()
                .anyMatch(d -> d.getString("kind").equals(kind) && subjectRef.equals(d.getString("subjectRef", null))));
        return outbox(api).stream().filter(d -> d.getString("kind").equals(kind) && subjectRef.equals(d.getString("subjectRef", null)))
                .findFirst().orElseThrow();
    }

    private static JsonObject awaitStatus(Api api, String delivery, String status) throws Exception {
        Eventually.until(delivery + " " + status + " (" + FAKE.violations() + ")", Duration.ofSeconds(30), () -> {
            String now = view(api, delivery).getString("status");
            if (!now.equals(status) && !now.equals("PENDING")) {
                throw new AssertionError(now + ": " + view(api, delivery));
            }
            return now.equals(status);
        });
        JsonObject done = view(api, delivery);
        assertFalse(done.toString().contains("@example.pl"), "no personal data in the outbox view");
        return done;
    }
}
