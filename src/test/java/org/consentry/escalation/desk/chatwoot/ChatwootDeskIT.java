package org.consentry.escalation.desk.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.crmsync.connector.chatwoot.FakeChatwoot;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.StandIn;
import org.consentry.testing.WebhookReceiver;
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
 * Agents in Chatwoot end to end, through Consentry's generic handoff API, against a fake Chatwoot that
 * checks every call against Chatwoot's published contract: a handoff opens a conversation holding only the
 * masked transcript and a reveal link, a customer's later message follows it masked; no clear personal data
 * in any request body Chatwoot receives; an agent's reply in Chatwoot (Chatwoot's documented webhook, signed)
 * reaches the bot's callback once however often Chatwoot delivers it; Consentry's own messages do not come
 * back; a bad token or signature is a 401 that changes nothing; a resolved conversation resolves the escalation
 * (and a resolved escalation resolves its Chatwoot conversation); a subject's erasure deletes its
 * conversations from Chatwoot, audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatwootDeskIT {

    static final StandIn CHATWOOT = new StandIn();
    static final FakeChatwoot FAKE = new FakeChatwoot();
    static final StandIn BOT = new StandIn();
    static final String TOKEN = "cw-desk-it-0123456789abcdefghijklmnopqrstuv";
    static final String SIGNING = "cw-signing-secret-it";
    static final String CALLBACK = "whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=";
    /** Chatwoot's ids in this run: the database may outlive it, and a message id is applied once for good. */
    static final long RUN = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1_000_000) * 1_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.desk=chatwoot
                consentry.desk.chatwoot.url=%s
                consentry.desk.chatwoot.secret=%s
                consentry.desk.chatwoot.account-id=%d
                consentry.desk.chatwoot.inbox-id=%d
                consentry.desk.chatwoot.webhook-token=%s
                consentry.desk.chatwoot.webhook-signing-secret=%s
                consentry.desk.chatwoot.reveal-base-url=https://consentry.example.com
                consentry.desk.chatwoot.agent.8=agent2
                consentry.callback.secret=%s
                consentry.callback.allow-http=true
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                consentry.outbox.request-timeout=PT2S
                consentry.outbox.lease=PT4S
                consentry.erasure.poll=PT0.5S
                consentry.desk.chatwoot.erase-every=PT0.5S
                """.formatted(CHATWOOT.url(""), FakeChatwoot.TOKEN, FakeChatwoot.ACCOUNT, FakeChatwoot.INBOX, TOKEN, SIGNING,
                CALLBACK));
    }

    @BeforeAll
    static void up() {
        FAKE.account.startIdsAt(RUN + 500);
        CHATWOOT.answering(FAKE).up();
        BOT.up();
    }

    @AfterAll
    static void down() {
        CHATWOOT.down();
        BOT.down();
    }

    @AfterEach
    void asChatwootDocumentsItAndNeverAnIdentifierInClear() {
        assertEquals(List.of(), FAKE.contract.violations(), "every call and answer as Chatwoot's contract says");
        for (StandIn.Request request : CHATWOOT.received) {
            for (String secret : Handoff.secrets()) {
                assertFalse(request.body().contains(secret), request.method() + " " + request.path() + " carries personal data");
            }
        }
    }

    @ArquillianResource
    URL base;

    @Test
    void aHandoffOpensAMaskedConversationAndTheAgentsReplyReachesTheBotOnce() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent().callback(BOT.url("/bot/" + java.util.UUID.randomUUID()));
        String id = handoff.handOff(api);
        long conversation = conversationOf(id);
        String note = awaitMessage(conversation, "transcript:" + id).getString("content");
        assertTrue(note.contains("**** 1111"), note);
        assertTrue(note.contains("https://consentry.example.com/console/?escalation=" + id + "#desk"), note);
        assertTrue(messageOf(conversation, "transcript:" + id).getBoolean("private"), "the transcript is a private note");

        Api.Reply forwarded = api.post("api/v1/escalations/" + id + "/messages", Api.BOT,
                "{\"text\":\"Mój numer: " + Handoff.PHONE + "\"}");
        assertEquals(201, forwarded.status(), forwarded::toString);
        String later = forwarded.json().getString("id");
        JsonObject added = awaitMessage(conversation, "message:" + later);
        assertEquals(0, added.getInt("message_type"), "the customer's message is incoming");
        assertFalse(added.getString("content").contains("601"), added.toString());

        String reply = ChatwootWebhooks.agentReply(RUN + 1, conversation, 5, "Zwrot zlecony, dziękuję.").build().toString();
        assertEquals("applied", send(api, TOKEN, reply).json().getString("outcome"));
        assertEquals("duplicate", send(api, TOKEN, reply).json().getString("outcome"), "Chatwoot delivered it again");
        Eventually.until("the bot hears the reply", Duration.ofSeconds(15), () -> BOT.received.stream().anyMatch(r -> r.body().contains(id)));
        Thread.sleep(1500); // would a second callback come?
        List<StandIn.Request> callbacks = BOT.received.stream().filter(r -> r.body().contains(id)).toList();
        assertEquals(1, callbacks.size(), "the bot hears the reply once: " + callbacks);
        JsonObject heard = Json.createReader(new StringReader(callbacks.get(0).body())).readObject();
        assertEquals("Zwrot zlecony, dziękuję.", heard.getString("text"));
        assertEquals("chatwoot:5", heard.getString("agent"));
        assertTrue(new WebhookReceiver(CALLBACK).verifies(callbacks.get(0), Instant.now().getEpochSecond()));

        JsonObject detail = api.get("api/v1/escalations/" + id, Api.ADMIN).json();
        assertEquals("ASSIGNED", detail.getString("status"));
        assertEquals("chatwoot:5", detail.getString("agent"));
        assertEquals(1, detail.getJsonArray("transcript").stream().filter(m -> m.toString().contains("chatwoot:5")).count());

        // Consentry's own messages, a private note and a bot's message come back through the webhook: none is a reply
        JsonObject own = messageOf(conversation, "transcript:" + id);
        String echo = ChatwootWebhooks.agentReply(own.getJsonNumber("id").longValue(), conversation, 5, "echo")
                .add("content_attributes", own.getJsonObject("content_attributes")).build().toString();
        assertEquals("ignored", send(api, TOKEN, echo).json().getString("outcome"));
        assertEquals("ignored", send(api, TOKEN, ChatwootWebhooks.agentReply(RUN + 2, conversation, 5, "note").add("private", true)
                .build().toString()).json().getString("outcome"));
        assertEquals("ignored", send(api, TOKEN, ChatwootWebhooks.agentReply(RUN + 3, conversation, 5, "bot").add("sender",
                Json.createObjectBuilder().add("id", 2).add("name", "Bot").add("type", "agent_bot")).build().toString())
                .json().getString("outcome"));
        assertEquals(1, api.get("api/v1/escalations/" + id, Api.ADMIN).json().getJsonArray("transcript").stream()
                .filter(m -> m.toString().contains("chatwoot:")).count(), "still one agent message");
    }

    @Test
    void aBadTokenOrSignatureIsRefusedAndChangesNothing() throws Exception {
        Api api = new Api(base);
        String id = new Handoff().withConsent().handOff(api);
        long conversation = conversationOf(id);
        String reply = ChatwootWebhooks.agentReply(RUN + 101, conversation, 6, "Forged").build().toString();
        long now = Instant.now().getEpochSecond();
        for (Api.Reply refused : List.of(send(api, TOKEN.replace('a', 'b'), reply),
                api.send(ChatwootWebhooks.post(api, TOKEN, reply, "another secret", now)),
                api.send(ChatwootWebhooks.post(api, TOKEN, reply, SIGNING, now - 600)))) {
            assertEquals(401, refused.status(), refused::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        }
        JsonObject detail = api.get("api/v1/escalations/" + id, Api.ADMIN).json();
        assertEquals("WAITING", detail.getString("status"), "nobody claimed it");
        assertEquals(2, detail.getJsonArray("transcript").size(), "no message was added");
        assertEquals("applied", send(api, TOKEN, reply).json().getString("outcome"), "the genuine one, once, is applied");

        Api.Reply malformed = send(api, TOKEN, reply.replace("\"private\":false", "\"private\":\"no\""));
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals("private", malformed.problem().getString("field"));
    }

    @Test
    void aConversationResolvedInChatwootResolvesTheEscalation() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        long conversation = conversationOf(id);
        assertEquals("applied", send(api, TOKEN, ChatwootWebhooks.agentReply(RUN + 201, conversation, 7, "Już sprawdzam.").build()
                .toString()).json().getString("outcome"));
        assertEquals("ignored", send(api, TOKEN, ChatwootWebhooks.statusChanged(conversation, "pending")).json().getString("outcome"));
        assertEquals("applied", send(api, TOKEN, ChatwootWebhooks.statusChanged(conversation, "resolved")).json().getString("outcome"));
        assertEquals("duplicate", send(api, TOKEN, ChatwootWebhooks.statusChanged(conversation, "resolved")).json().getString("outcome"));
        JsonObject detail = api.get("api/v1/escalations/" + id, Api.ADMIN).json();
        assertEquals("RESOLVED", detail.getString("status"), detail::toString);
        Eventually.until("Chatwoot's conversation is resolved too", Duration.ofSeconds(15), () -> {
            synchronized (FAKE) {
                return "resolved".equals(FAKE.account.conversations.get(conversation).getString("status"));
            }
        });
        String audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=100", Api.ADMIN).text();
        assertTrue(audit.contains("escalation " + id + " by chatwoot:7"), "the resolution is audited as the Chatwoot agent's");
    }

    @Test
    void aChatwootAgentMappedToAConsoleUserRevealsThroughTheLinkWithAReason() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        long conversation = conversationOf(id);
        assertEquals("applied", send(api, TOKEN, ChatwootWebhooks.agentReply(RUN + 301, conversation, 8, "Sprawdzę kartę.").build()
                .toString()).json().getString("outcome"));
        JsonObject detail = api.get("api/v1/escalations/" + id, Api.AGENT2).json();
        assertEquals("agent2", detail.getString("agent"), "Chatwoot agent 8 is agent2 in Consentry (consentry.desk.chatwoot.agent.8)");
        String card = detail.getJsonArray("transcript").getJsonObject(0).getJsonArray("masks").getJsonObject(0).getString("field");
        Api.Reply revealed = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT2,
                "{\"field\":\"" + card + "\",\"reason\":\"customer disputes a double charge\"}");
        assertEquals(200, revealed.status(), revealed::toString);
        assertEquals(Handoff.CARD, revealed.json().getString("value")); // and never in Chatwoot: checked after each test
    }

    @Test
    void anErasedSubjectsConversationIsDeletedFromChatwootWithItsContact() throws Exception {
        Api api = new Api(base);
        Instant start = Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        long conversation = conversationOf(id);
        long contact;
        synchronized (FAKE) {
            contact = FAKE.account.conversations.get(conversation).getJsonNumber("contact_id").longValue();
        }

        Api.Reply accepted = api.delete("api/v1/subjects/" + handoff.subjectId, Api.ADMIN);
        assertEquals(202, accepted.status(), accepted::toString);
        Eventually.until("the escalation's contact is deleted in Chatwoot", Duration.ofSeconds(60), () -> {
            synchronized (FAKE) {
                return !FAKE.account.contacts.containsKey(contact);
            }
        });
        synchronized (FAKE) {
            assertFalse(FAKE.account.conversations.containsKey(conversation), "and its conversation");
            assertFalse(FAKE.account.messages.containsKey(conversation), "and the masked transcript in it");
        }
        List<JsonObject> audit = api.get("api/v1/audit?from=" + start + "&limit=1000", Api.ADMIN).structure().asJsonArray()
                .getValuesAs(JsonObject.class);
        JsonObject queued = audit.stream().filter(e -> e.getString("action").equals("desk.erase-queued")
                && e.getString("detail").contains(id)).findFirst().orElseThrow(() -> new AssertionError("no desk.erase-queued: " + audit));
        assertTrue(queued.getString("detail").contains("conversation " + conversation), queued::toString);
        assertFalse(queued.toString().contains(handoff.subjectId), "the audit entry names no subject: " + queued);
    }

    @Test
    void aDeliveryChatwootRefusesShowsAsFailedToTheAdminUntilRetried() throws Exception {
        Api api = new Api(base);
        String desk = "api/v1/escalations/deliveries?recipient=chatwoot-desk&limit=1000";
        Eventually.until("no earlier delivery to the desk is still pending", Duration.ofSeconds(30),
                () -> deliveries(api, desk + "&status=PENDING").isEmpty());
        FAKE.next("GET /contacts/search", FakeChatwoot.UNAUTHORIZED); // desk.open's first call
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        Eventually.until("desk.open failed", Duration.ofSeconds(30), () -> !deliveries(api, desk + "&status=FAILED").isEmpty());
        JsonObject failed = deliveries(api, desk + "&status=FAILED").get(0);
        assertEquals("desk.open", failed.getString("kind"));
        assertEquals("chatwoot-desk GET /contacts/search answered 401", failed.getString("lastOutcome"));
        assertFalse(failed.toString().contains(handoff.subjectId) || failed.toString().contains(Handoff.NAME),
                "no personal data in the admin's view: " + failed);
        assertEquals(403, api.get(desk, Api.AGENT1).status(), "an agent does not read the deliveries");
        assertEquals(403, api.post("api/v1/escalations/deliveries/" + failed.getString("id") + "/retry", Api.AGENT1, "").status());

        Api.Reply retried = api.post("api/v1/escalations/deliveries/" + failed.getString("id") + "/retry", Api.ADMIN, "");
        assertEquals(200, retried.status(), retried::toString);
        assertEquals("PENDING", retried.json().getString("status"));
        conversationOf(id); // opened on the second attempt
        Eventually.until("the retried delivery is recorded delivered", Duration.ofSeconds(30), () -> deliveries(api,
                desk + "&status=DELIVERED").stream().anyMatch(d -> d.getString("id").equals(failed.getString("id"))));
        JsonObject delivered = deliveries(api, desk + "&status=DELIVERED").stream()
                .filter(d -> d.getString("id").equals(failed.getString("id"))).findFirst().orElseThrow();
        assertEquals(2, delivered.getInt("attempts"), delivered::toString);
        assertEquals(409, api.post("api/v1/escalations/deliveries/" + failed.getString("id") + "/retry", Api.ADMIN, "").status(),
                "only a failed delivery is sent again");
        assertEquals(404, api.post("api/v1/escalations/deliveries/" + java.util.UUID.randomUUID() + "/retry", Api.ADMIN, "").status());
    }

    private static List<JsonObject> deliveries(Api api, String path) {
        return api.get(path, Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static Api.Reply send(Api api, String token, String body) {
        return api.send(ChatwootWebhooks.post(api, token, body, SIGNING, Instant.now().getEpochSecond()));
    }

    /** The Chatwoot conversation Consentry opened for the escalation, once it is there with its transcript. */
    private static long conversationOf(String id) throws Exception {
        long[] found = new long[1];
        Eventually.until("the escalation's Chatwoot conversation is open", Duration.ofSeconds(30), () -> {
            synchronized (FAKE) {
                FAKE.account.conversations.values().stream().filter(c -> c.getJsonObject("custom_attributes").toString()
                        .contains(id)).findFirst().ifPresent(c -> found[0] = c.getJsonNumber("id").longValue());
            }
            return found[0] != 0 && messageOf(found[0], "transcript:" + id) != null;
        });
        return found[0];
    }

    private static JsonObject awaitMessage(long conversation, String marker) throws Exception {
        Eventually.until("a message marked " + marker, Duration.ofSeconds(30), () -> messageOf(conversation, marker) != null);
        return messageOf(conversation, marker);
    }

    private static JsonObject messageOf(long conversation, String marker) {
        synchronized (FAKE) {
            return FAKE.account.messages.getOrDefault(conversation, List.of()).stream()
                    .filter(m -> m.getJsonObject("content_attributes").toString().contains("\"" + marker + "\""))
                    .findFirst().orElse(null);
        }
    }
}
