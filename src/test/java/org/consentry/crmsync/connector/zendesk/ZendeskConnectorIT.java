package org.consentry.crmsync.connector.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
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
 * The Zendesk connector through Consentry's public API, against a fake Zendesk that checks every call
 * against Zendesk's published contract: a lead becomes a user (external_id = subject id), a resolved
 * case one solved ticket even when the answer to its creation was lost, an erasure Zendesk's
 * permanent deletion even when the answer to the soft delete was lost; a 429 delays the next attempt
 * by its Retry-After; a wrong token fails the delivery with a reason, garbage is retried; a withdrawal
 * cancels what Zendesk has not got yet.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ZendeskConnectorIT {

    static final StandIn ZENDESK = new StandIn();
    static final FakeZendesk FAKE = new FakeZendesk();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("config_ordinal=700\n" + new CrmRecipient("zd", "zendesk").at(ZENDESK.url(""))
                .secret(FakeZendesk.TOKEN).with("zendesk.email", FakeZendesk.AGENT)
                .fields("contact.name=clear contact.email=clear contact.phone=token case.reason=clear case.agent=clear case.transcript=clear")
                .only() + CrmRecipient.fastOutbox(Duration.ofSeconds(2)));
    }

    @BeforeAll
    static void up() {
        ZENDESK.answering(FAKE).up();
    }

    @AfterAll
    static void down() {
        ZENDESK.down();
    }

    @AfterEach
    void everyCallAsZendeskDocumentsIt() {
        assertEquals(List.of(), FAKE.contract.violations());
        assertEquals(List.of(), FAKE.account.problems);
    }

    @ArquillianResource
    URL base;

    @Test
    void aLeadAndThenItsResolvedCaseBecomeOneUserAndOneSolvedTicketEvenWhenAnAnswerIsLost() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        awaitDelivered(api, lead(api, handoff.subjectId));
        JsonObject user = FAKE.account.user(handoff.subjectId).orElseThrow();
        assertEquals(Handoff.NAME, user.getString("name"));
        assertEquals(Handoff.EMAIL, user.getString("email"));
        assertFalse(user.containsKey("phone"), "a tokenised phone is not put where Zendesk validates phones");
        assertTrue(user.getJsonObject("user_fields").getString("consentry_phone_token").startsWith("tok_"), user::toString);

        FAKE.failAfterWork.add("POST /tickets"); // the ticket is made, the answer lost: the next attempt must find it
        String id = handoff.handOff(api);
        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        assertEquals(200, api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "").status());
        String caseDelivery = outbox(api).stream().filter(d -> d.getString("kind").equals("crm.case")).findFirst()
                .orElseThrow().getString("id");
        JsonObject delivered = awaitDelivered(api, caseDelivery);
        assertEquals(2, delivered.getInt("attempts"), delivered::toString);
        assertEquals("zendesk ticket was there already", delivered.getString("lastOutcome"));

        List<JsonObject> tickets = FAKE.account.tickets.values().stream().filter(t -> id.equals(t.getString("external_id", null))).toList();
        assertEquals(1, tickets.size(), "one ticket per escalation");
        JsonObject ticket = tickets.get(0);
        assertEquals("solved", ticket.getString("status"));
        assertEquals(user.getJsonNumber("id").longValue(), ticket.getJsonNumber("requester_id").longValue());
        assertEquals(1, FAKE.account.users.values().stream().filter(u -> handoff.subjectId.equals(u.getString("external_id", null))).count());
        assertFalse(ticket.getJsonObject("comment").getBoolean("public"), "an internal note");
        String text = ticket.getString("description");
        assertTrue(text.contains("**** 1111") && text.contains("Consentry escalation " + id), text);
        for (String secret : new String[] {Handoff.CARD, Handoff.PESEL, "4111111111111111"}) {
            assertFalse(text.contains(secret), "the ticket carries an identifier in clear");
        }
        String listing = api.get("api/v1/crm/outbox", Api.ADMIN).text();
        assertFalse(listing.contains(handoff.subjectId) || listing.contains(Handoff.EMAIL), "the outbox view names no one");
    }

    @Test
    void anErasureIsZendesksPermanentDeletionEvenWhenTheAnswerToTheSoftDeleteIsLost() throws Exception {
        Api api = new Api(base);
        String subject = new Handoff().subjectId;
        awaitDelivered(api, lead(api, subject));
        long userId = FAKE.account.user(subject).orElseThrow().getJsonNumber("id").longValue();

        FAKE.failAfterWork.add("DELETE /users/{id}");
        Api.Reply accepted = api.delete("api/v1/subjects/" + subject, Api.ADMIN);
        assertEquals(202, accepted.status(), accepted::toString);
        String request = "api/v1/erasures/" + accepted.json().getString("requestId");
        Eventually.until("Zendesk's user permanently deleted", Duration.ofSeconds(30),
                () -> FAKE.account.permanentlyDeleted.contains(userId));
        JsonObject erase = outbox(api).stream().filter(d -> d.getString("kind").equals("crm.erase")).findFirst().orElseThrow();
        erase = awaitDelivered(api, erase.getString("id"));
        assertEquals(2, erase.getInt("attempts"), erase::toString);
        assertTrue(FAKE.account.user(subject).isEmpty());
        Eventually.until("the erasure completes with Zendesk's receipt", Duration.ofSeconds(30),
                () -> "COMPLETED".equals(api.get(request, Api.ADMIN).json().getString("status")));
        JsonObject crmStep = api.get(request, Api.ADMIN).json().getJsonArray("steps").getJsonObject(2);
        assertTrue(crmStep.getString("receipt").contains("DELIVERED"), crmStep::toString);
    }

    @Test
    void a429DelaysTheNextAttemptByItsRetryAfter() throws Exception {
        Api api = new Api(base);
        int before = FAKE.calls.size();
        FAKE.rateLimit(1, 3);
        JsonObject delivered = awaitDelivered(api, lead(api, new Handoff().subjectId));
        assertEquals(2, delivered.getInt("attempts"), delivered::toString);
        long waited = FAKE.callTimes.get(before + 1) - FAKE.callTimes.get(before);
        // without Retry-After the worker would have tried again within consentry.outbox.retry-cap (1 s)
        assertTrue(waited >= 2_900, "tried again after " + waited + " ms");
    }

    @Test
    void aWrongTokenFailsTheDeliveryWithAReasonAndGarbageIsRetried() throws Exception {
        Api api = new Api(base);
        String subject = new Handoff().subjectId;
        FAKE.acceptToken("rotated-by-the-zendesk-admin");
        String delivery = lead(api, subject);
        Eventually.until("the delivery fails", Duration.ofSeconds(30), () -> "FAILED".equals(find(api, delivery).getString("status")));
        JsonObject failed = find(api, delivery);
        assertEquals("zendesk POST /api/v2/users/create_or_update answered 401", failed.getString("lastOutcome"));

        FAKE.acceptToken(FakeZendesk.TOKEN);
        FAKE.garbage.add("POST /users/create_or_update");
        int before = FAKE.count("POST /users/create_or_update");
        assertEquals(200, api.post("api/v1/crm/outbox/" + delivery + "/retry", Api.ADMIN, "").status());
        awaitDelivered(api, delivery);
        assertEquals(before + 2, FAKE.count("POST /users/create_or_update"), "the garbage answer was retried once");
        assertTrue(FAKE.account.user(subject).isPresent());
    }

    @Test
    void aWithdrawalCancelsWhatZendeskHasNotGotYet() throws Exception {
        Api api = new Api(base);
        String subject = new Handoff().subjectId;
        int before = FAKE.calls.size();
        FAKE.rateLimit(1, 4);
        String delivery = lead(api, subject);
        Eventually.until("the first attempt (429)", Duration.ofSeconds(30), () -> FAKE.calls.size() > before);
        assertEquals(204, api.delete("api/v1/subjects/" + subject + "/consents/crm-sync", Api.BOT).status());
        Eventually.until("the delivery is cancelled", Duration.ofSeconds(30),
                () -> "CANCELLED".equals(find(api, delivery).getString("status")));
        assertEquals("cancelled: consent to crm-sync withdrawn", find(api, delivery).getString("lastOutcome"),
                find(api, delivery)::toString);
        // an attempt was made, so Zendesk may hold the data: it is told, and having no such user, nothing is mirrored
        Eventually.until("the withdrawal's own delivery is delivered", Duration.ofSeconds(30), () -> api.get(
                "api/v1/crm/outbox?status=DELIVERED&limit=1000", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().anyMatch(d -> d.getString("kind").equals("crm.consent")
                        && d.getString("lastOutcome").equals("zendesk holds no user: nothing to mirror")));
        assertTrue(FAKE.account.user(subject).isEmpty(), "nothing reached Zendesk after the withdrawal");
    }

    /** A lead with the customer's consent to crm-sync (the bot's documented flow); its delivery id. */
    private static String lead(Api api, String subject) {
        var lead = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT,
                "{\"name\":\"" + Handoff.NAME + "\",\"email\":\"" + Handoff.EMAIL + "\",\"phone\":\"" + Handoff.PHONE + "\","
                + "\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"m-2\"}}");
        assertEquals(202, lead.status(), lead::toString);
        return lead.json().getString("deliveryId");
    }

    private static List<JsonObject> outbox(Api api) {
        return api.get("api/v1/crm/outbox", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject find(Api api, String delivery) {
        return outbox(api).stream().filter(d -> d.getString("id").equals(delivery)).findFirst().orElseThrow();
    }

    private static JsonObject awaitDelivered(Api api, String delivery) throws Exception {
        Eventually.until("delivered: " + delivery, Duration.ofSeconds(30), () -> {
            JsonObject found = find(api, delivery);
            if (found.getString("status").equals("FAILED")) {
                throw new AssertionError("failed: " + found + " " + FAKE.account.problems + " " + FAKE.contract.violations());
            }
            return found.getString("status").equals("DELIVERED");
        });
        return find(api, delivery);
    }
}
