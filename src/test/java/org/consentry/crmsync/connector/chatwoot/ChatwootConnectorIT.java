package org.consentry.crmsync.connector.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consentry.testing.Api;
import org.consentry.testing.CrmRecipient;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.OutboxView;
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
 * The Chatwoot connector end to end, through Consentry's public API, against a fake Chatwoot that
 * checks every call against Chatwoot's published contract: a lead becomes a contact (E.164 phone, a
 * token where the policy says so), a widget's contact is linked, a resolved case becomes a resolved
 * conversation with a private note, an erasure deletes it with its conversations (a withdrawal marks
 * the contact: waiting for the core to queue it); retries create nothing twice, a 429 waits as long as Chatwoot asked, a 401 fails with
 * a reason and is retried by an admin.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatwootConnectorIT {

    static final StandIn CHATWOOT = new StandIn();
    static final FakeChatwoot FAKE = new FakeChatwoot();
    static final OutboxView OUTBOX = new OutboxView(() -> FAKE.contract.violations().toString());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("config_ordinal=700\n" + new CrmRecipient("cw", "chatwoot").at(CHATWOOT.url(""))
                .secret(FakeChatwoot.TOKEN)
                .fields("contact.name=token contact.email=clear contact.phone=clear case.reason=clear case.agent=clear case.transcript=clear")
                .with("chatwoot.account-id", FakeChatwoot.ACCOUNT).with("chatwoot.inbox-id", FakeChatwoot.INBOX)
                .with("chatwoot.default-region", "PL").only() + CrmRecipient.fastOutbox(Duration.ofSeconds(2)));
    }

    @BeforeAll
    static void up() {
        CHATWOOT.answering(FAKE).up();
    }

    @AfterAll
    static void down() {
        CHATWOOT.down();
    }

    @AfterEach
    void asChatwootDocumentsIt() {
        assertEquals(List.of(), FAKE.contract.violations(), "every call and answer as Chatwoot's contract says");
    }

    @ArquillianResource
    URL base;

    @Test
    void aLeadAndThenItsResolvedCaseArriveOnceEachInChatwootsShapes() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        String lead = lead(api, handoff.subjectId, "k.wisniewska@example.pl", "601 234 567");
        OUTBOX.awaitDelivered(api, lead);
        JsonObject contact = contactOf(handoff.subjectId);
        assertEquals("+48601234567", contact.getString("phone_number"), "a national number in E.164, read in region PL");
        assertEquals("k.wisniewska@example.pl", contact.getString("email"));
        assertFalse(contact.toString().contains(Handoff.NAME), "the name leaves only as a token");
        assertTrue(contact.getJsonObject("additional_attributes").getJsonObject("consentry_tokens").getString("name").startsWith("tok_"));

        // the first attempt to resolve the conversation fails: the repeated attempt must not duplicate anything
        FAKE.next("POST /conversations/{id}/toggle_status", FakeChatwoot.serverError());
        String id = handoff.handOff(api);
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "");
        JsonObject delivered = OUTBOX.awaitDelivered(api, OUTBOX.deliveryOf(api, lead, "crm.case"));
        assertEquals(2, delivered.getInt("attempts"), delivered::toString);

        long contactId = contact.getJsonNumber("id").longValue();
        List<JsonObject> conversations = conversationsOf(contactId);
        assertEquals(1, conversations.size(), "one conversation");
        JsonObject conversation = conversations.get(0);
        assertEquals(id, conversation.getJsonObject("additional_attributes").getString("consentry_escalation_id"));
        assertEquals("resolved", conversation.getString("status"));
        List<JsonObject> notes = FAKE.account.messages.get(conversation.getJsonNumber("id").longValue());
        assertEquals(1, notes.size(), "one note");
        assertTrue(notes.get(0).getBoolean("private"), "the case is a private note");
        String content = notes.get(0).getString("content");
        assertTrue(content.startsWith("[consentry case " + id + "]"), content);
        assertTrue(content.contains("**** 1111"), content);
        for (String secret : new String[] {Handoff.CARD, Handoff.PESEL, "4111111111111111"}) {
            assertFalse(content.contains(secret), "the note carries an identifier in clear");
        }
    }

    @Test
    void aCustomerTheWidgetAlreadyMadeIsLinkedNotRefused() throws Exception {
        Api api = new Api(base);
        String subject = new Handoff().subjectId;
        long widget;
        synchronized (FAKE) {
            widget = FAKE.account.widgetContact("Kasia", "kasia.w@example.pl", "+48601999888");
        }
        OUTBOX.awaitDelivered(api, lead(api, subject, "Kasia.W@example.pl", "+48 601 999 888"));
        JsonObject contact = contactOf(subject);
        assertEquals(widget, contact.getJsonNumber("id").longValue(), "the widget's contact now carries the subject id");
        assertEquals(1, FAKE.account.contacts.values().stream().filter(c -> "kasia.w@example.pl".equals(ChatwootAccount.text(c, "email")))
                .count());
    }

    @Test
    void aWithdrawalMarksTheContact() throws Exception {
        Api api = new Api(base);
        String subject = new Handoff().subjectId;
        String lead = lead(api, subject, "withdraw.me@example.pl", "+48 602 333 444");
        OUTBOX.awaitDelivered(api, lead);
        assertEquals(204, api.delete("api/v1/subjects/" + subject + "/consents/crm-sync", Api.BOT).status());
        OUTBOX.awaitDelivered(api, OUTBOX.deliveryOf(api, lead, "crm.consent"));
        JsonObject marked = contactOf(subject).getJsonObject("custom_attributes");
        assertEquals("withdrawn", marked.getString("consentry_crm_sync"), marked::toString);
    }

    @Test
    void anErasureDeletesTheContactWithItsConversationsAndARepeatedAttemptIsDone() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().customer(Handoff.NAME, "erase.me@example.pl", "+48 602 111 222").withConsent();
        String lead = lead(api, handoff.subjectId, "erase.me@example.pl", "+48 602 111 222");
        OUTBOX.awaitDelivered(api, lead);
        String id = handoff.handOff(api);
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "");
        OUTBOX.awaitDelivered(api, OUTBOX.deliveryOf(api, lead, "crm.case"));
        long contactId = contactOf(handoff.subjectId).getJsonNumber("id").longValue();
        assertEquals(1, conversationsOf(contactId).size());

        // Chatwoot deletes the contact, but its answer is lost: the repeated attempt finds nothing and is done
        FAKE.loseAnswer("DELETE /contacts/{id}");
        Instant erasing = Instant.now().minusSeconds(1);
        Api.Reply accepted = api.delete("api/v1/subjects/" + handoff.subjectId, Api.ADMIN);
        assertEquals(202, accepted.status(), accepted::toString);
        String request = accepted.json().getString("requestId");
        Eventually.until("the erasure completes", Duration.ofSeconds(60),
                () -> "COMPLETED".equals(api.get("api/v1/erasures/" + request, Api.ADMIN).json().getString("status")));
        // the subject is forgotten in the outbox once the erasure completes: its notice is the only one since
        JsonObject erase = OUTBOX.deliveries(api).stream().filter(d -> d.getString("kind").equals("crm.erase")
                && Instant.parse(d.getString("createdAt")).isAfter(erasing)).findFirst().orElseThrow();
        assertEquals("DELIVERED", erase.getString("status"));
        assertEquals(2, erase.getInt("attempts"), erase::toString);
        assertFalse(FAKE.account.contacts.containsKey(contactId), "the contact is gone");
        assertEquals(List.of(), conversationsOf(contactId), "and its conversations");
        assertTrue(FAKE.account.messages.isEmpty() || FAKE.account.conversations.values().stream()
                .noneMatch(c -> c.getJsonNumber("contact_id").longValue() == contactId));
    }

    @Test
    void aRateLimitIsWaitedOutAndA401FailsWithAReasonUntilAnAdminRetries() throws Exception {
        Api api = new Api(base);
        FAKE.next("GET /contacts/search", FakeChatwoot.tooManyRequests(3));
        Instant asked = Instant.now();
        OUTBOX.awaitDelivered(api, lead(api, new Handoff().subjectId, "limited@example.pl", "+48 603 000 111"));
        List<Instant> searches = FAKE.log.stream().filter(e -> e.getKey().isAfter(asked) && e.getValue().equals("GET /contacts/search"))
                .map(Map.Entry::getKey).toList();
        assertTrue(Duration.between(searches.get(0), searches.get(1)).toMillis() >= 2900, "Retry-After: 3 was honoured " + searches);

        FAKE.next("GET /contacts/search", FakeChatwoot.UNAUTHORIZED);
        Api.Reply refused = api.post("api/v1/subjects/" + new Handoff().subjectId + "/crm-sync", Api.BOT, leadBody("x@example.pl", "+48 603 000 222"));
        assertEquals(202, refused.status(), "the bot is never told the CRM's trouble: " + refused);
        String delivery = refused.json().getString("deliveryId");
        Eventually.until("the delivery fails", Duration.ofSeconds(20), () -> OUTBOX.delivery(api, delivery).getString("status").equals("FAILED"));
        assertEquals("chatwoot GET /contacts/search answered 401", OUTBOX.delivery(api, delivery).getString("lastOutcome"));
        FAKE.next("GET /contacts/search", FakeChatwoot.garbage());
        assertEquals(200, api.post("api/v1/crm/outbox/" + delivery + "/retry", Api.ADMIN, "").status());
        JsonObject done = OUTBOX.awaitDelivered(api, delivery);
        assertEquals(3, done.getInt("attempts"), "401, garbage (retried), then through: " + done);
    }

    private static String leadBody(String email, String phone) {
        return "{\"name\":\"" + Handoff.NAME + "\",\"email\":\"" + email + "\",\"phone\":\"" + phone + "\","
                + "\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"m-2\"}}";
    }

    private static String lead(Api api, String subject, String email, String phone) {
        Api.Reply lead = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT, leadBody(email, phone));
        assertEquals(202, lead.status(), lead::toString);
        return lead.json().getString("deliveryId");
    }

    private static JsonObject contactOf(String subject) {
        synchronized (FAKE) {
            return FAKE.account.contacts.values().stream().filter(c -> subject.equals(ChatwootAccount.text(c, "identifier")))
                    .findFirst().orElseThrow(() -> new AssertionError("no contact for the subject"));
        }
    }

    private static List<JsonObject> conversationsOf(long contactId) {
        synchronized (FAKE) {
            return FAKE.account.conversations.values().stream()
                    .filter(c -> c.getJsonNumber("contact_id").longValue() == contactId).toList();
        }
    }
}
