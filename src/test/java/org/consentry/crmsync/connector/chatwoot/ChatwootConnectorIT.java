package org.consentry.crmsync.connector.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.StandIn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Chatwoot connector against Chatwoot's documented request and response shapes: a lead becomes a
 * contact (identifier = subject id), a resolved case a conversation in the API inbox with the redacted
 * case as a private note, then resolved; an attempt that fails half-way and is repeated creates
 * nothing twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatwootConnectorIT {

    static final StandIn CHATWOOT = new StandIn();
    static final FakeChatwoot FAKE = new FakeChatwoot();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.crm.connector=chatwoot
                consentry.crm.url=%s
                consentry.crm.secret=%s
                consentry.crm.allow-http=true
                consentry.crm.chatwoot.account-id=%d
                consentry.crm.chatwoot.inbox-id=%d
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                """.formatted(CHATWOOT.url(""), FakeChatwoot.TOKEN, FakeChatwoot.ACCOUNT, FakeChatwoot.INBOX));
    }

    @BeforeAll
    static void up() {
        CHATWOOT.answering(FAKE).up();
    }

    @AfterAll
    static void down() {
        CHATWOOT.down();
    }

    @ArquillianResource
    URL base;

    @Test
    void aLeadAndThenItsResolvedCaseArriveOnceEachInChatwootsShapes() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        // the lead carries the customer's consent to crm-sync (the bot has not handed the subject off yet)
        var lead = api.post("api/v1/subjects/" + handoff.subjectId + "/crm-sync", Api.BOT,
                "{\"name\":\"Katarzyna Wiśniewska\",\"email\":\"k.wisniewska@example.pl\",\"phone\":\"+48 601 234 567\","
                + "\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"m-2\"}}");
        assertEquals(202, lead.status(), lead::toString);
        awaitDelivered(api, lead.json().getString("deliveryId"));
        JsonObject contact = contactOf(handoff.subjectId);
        assertEquals("Katarzyna Wiśniewska", contact.getString("name"));
        assertEquals("k.wisniewska@example.pl", contact.getString("email"));
        assertFalse(contact.containsKey("phone_number"), "a tokenised phone is not put where Chatwoot wants E.164");
        assertTrue(contact.getJsonObject("additional_attributes").getJsonObject("consentry_tokens").getString("phone")
                .startsWith("tok_"));

        // the first attempt to resolve the conversation fails: the repeated attempt must not duplicate anything
        FAKE.failOnce.add("POST /conversations/{id}/toggle_status");
        String id = handoff.handOff(api);
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "");
        String caseDelivery = api.get("api/v1/crm/outbox", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(d -> d.getString("kind").equals("crm.case")).findFirst().orElseThrow().getString("id");
        JsonObject delivered = awaitDelivered(api, caseDelivery);
        assertEquals(2, delivered.getInt("attempts"), delivered::toString);

        Map<String, Object> state = FAKE.summary();
        assertEquals(Map.of("contacts", 1, "conversations", 1, "messages", 1), state, "nothing twice");
        assertEquals(List.of(), FAKE.problems, "every call as Chatwoot documents it");
        JsonObject conversation = FAKE.conversations.values().iterator().next();
        assertEquals(FakeChatwoot.INBOX, conversation.getInt("inbox_id"));
        assertEquals(id, conversation.getJsonObject("additional_attributes").getString("consentry_escalation_id"));
        assertEquals("resolved", FAKE.statuses.get(conversation.getJsonNumber("id").longValue()));
        JsonObject note = FAKE.messages.values().iterator().next().get(0);
        assertTrue(note.getBoolean("private"), "the case is a private note");
        String content = note.getString("content");
        assertTrue(content.startsWith("[consentry case " + id + "]"), content);
        assertTrue(content.contains("**** 1111"), content);
        for (String secret : new String[] {Handoff.CARD, Handoff.PESEL, "4111111111111111"}) {
            assertFalse(content.contains(secret), "the note carries an identifier in clear");
        }
    }

    private static JsonObject contactOf(String subject) {
        return FAKE.contacts.values().stream().filter(c -> subject.equals(c.getString("identifier", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no contact " + FAKE.contacts));
    }

    private static JsonObject awaitDelivered(Api api, String delivery) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonObject found = api.get("api/v1/crm/outbox", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class)
                    .stream().filter(d -> d.getString("id").equals(delivery)).findFirst().orElseThrow();
            if (found.getString("status").equals("DELIVERED")) {
                return found;
            }
            if (found.getString("status").equals("FAILED")) {
                throw new AssertionError("failed: " + found + " " + FAKE.problems);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not delivered: " + delivery + " " + FAKE.problems);
    }
}
