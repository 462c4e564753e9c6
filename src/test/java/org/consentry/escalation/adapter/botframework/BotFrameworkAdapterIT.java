package org.consentry.escalation.adapter.botframework;

import static org.consentry.escalation.adapter.botframework.BotFrameworkChannel.APP_ID;
import static org.consentry.escalation.adapter.botframework.BotFrameworkChannel.BOT_ID;
import static org.consentry.escalation.adapter.botframework.BotFrameworkChannel.post;
import static org.consentry.escalation.adapter.botframework.BotFrameworkChannel.serviceUrl;
import static org.consentry.escalation.adapter.botframework.BotFrameworkChannel.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.consentry.escalation.adapter.botframework.BotFrameworkChannel.Up;
import org.consentry.escalation.adapter.botframework.BotFrameworkFixtures.Conversation;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Bot Framework adapter end to end over the documented payloads (src/test/resources/platforms/
 * botframework): a channel's handoff.initiate event, authenticated with a JWT of keys this test makes
 * and publishes on a fake key set, becomes one escalation however often the channel retries; the agent
 * reads it masked; claiming, replying and resolving reach a fake Bot Connector as activities (checked
 * against its published Swagger) with Consentry's own Bearer token. Refused requests (401, 400, 404,
 * 409) are problems naming what is wrong; the last test, inside the server, reads the tables: nothing
 * of a refused request, no personal data in clear.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BotFrameworkAdapterIT {

    @Deployment
    static WebArchive deployment() {
        // the client-side helpers too: JUnit inside the server resolves the signatures of every method
        return Deployments.applicationWithHelpers(BotFrameworkChannel.serverConfig()).addClasses(BotFrameworkChannel.class,
                BotFrameworkFixtures.class, FakeConnector.class, FakeMicrosoftLogin.class);
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    @Order(1)
    @RunAsClient
    void aHandoffIsCreatedOnceWhateverTheRetriesAndTheAgentReadsItMasked() throws Exception {
        Api api = new Api(base);
        Conversation conversation = Conversation.fresh(serviceUrl());
        Api.Reply created = post(api, conversation.handoff(), token());
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("escalationId");
        Api.Reply retried = post(api, conversation.handoff(), token());
        assertEquals(200, retried.status(), retried::toString);
        assertEquals(id, retried.json().getString("escalationId"), "the channel's retry finds the same escalation");

        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        JsonObject view = api.get("api/v1/escalations/" + id, Api.AGENT1).json();
        List<JsonObject> lines = view.getJsonArray("transcript").getValuesAs(JsonObject.class);
        assertEquals(3, lines.size(), "the three messages of the transcript, the typing activity left out: " + view);
        assertEquals("BOT", lines.get(0).getString("from"), view::toString);
        assertEquals("CUSTOMER", lines.get(1).getString("from"), view::toString);
        assertEquals("BOT", lines.get(2).getString("from"), view::toString);
        List<String> masked = lines.get(1).getJsonArray("masks").getValuesAs(JsonObject.class).stream().map(m -> m.getString("type")).toList();
        assertTrue(masked.containsAll(List.of("PESEL", "EMAIL")), masked::toString);
        for (String secret : Handoff.secrets()) {
            assertFalse(view.toString().contains(secret), "the agent's view holds personal data in clear");
        }
        assertEquals("pl", view.getString("language"), "from the activity's locale pl-PL");
        assertEquals(PlatformIds.of(conversation.conversationId()), view.getString("conversationId"));

        JsonObject accepted = Up.CONNECTOR.await(conversation.conversationId(), "event", 1).get(0).activity();
        assertEquals("handoff.status", accepted.getString("name"));
        assertEquals("accepted", accepted.getJsonObject("value").getString("state"));
        assertEquals(conversation.userId(), accepted.getJsonObject("recipient").getString("id"));
        assertEquals(BOT_ID, accepted.getJsonObject("from").getString("id"));

        String subject = PlatformIds.of(conversation.userId());
        List<JsonObject> audit = api.get("api/v1/audit?subjectId=" + subject + "&limit=100", Api.ADMIN).structure().asJsonArray()
                .getValuesAs(JsonObject.class);
        assertTrue(audit.stream().anyMatch(e -> ("botframework:" + APP_ID).equals(e.getString("actor", null))
                && "bot".equals(e.getString("role", null))), "the handoff is audited as the bot's registration: " + audit);
    }

    @Test
    @Order(2)
    @RunAsClient
    void theAgentsReplyReachesTheConnectorAsAnActivityWithConsentrysOwnToken() throws Exception {
        Api api = new Api(base);
        Conversation conversation = Conversation.teamsLike(serviceUrl());
        String id = BotFrameworkChannel.handOff(api, conversation);
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        Up.CONNECTOR.await(conversation.conversationId(), "event", 1);

        Api.Reply relayed = post(api, conversation.fromUser("A mój numer to " + Handoff.PHONE), token());
        assertEquals(200, relayed.status(), relayed::toString);
        List<JsonObject> lines = api.get("api/v1/escalations/" + id, Api.AGENT1).json().getJsonArray("transcript").getValuesAs(JsonObject.class);
        JsonObject last = lines.get(lines.size() - 1);
        assertEquals("CUSTOMER", last.getString("from"));
        assertFalse(last.toString().contains("601 234 567"), "the relayed message is masked for the agent too");

        int tokensBefore = Up.LOGIN.tokenRequests.get();
        Up.CONNECTOR.expireTokenOnce();
        String text = "Zwrot zlecony, pieniądze wrócą w 3 dni.";
        Api.Reply reply = api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1, "{\"text\":\"" + text + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        FakeConnector.Posted message = Up.CONNECTOR.await(conversation.conversationId(), "message", 1).get(0);
        assertEquals(text, message.activity().getString("text"));
        assertEquals(reply.json().getString("id"), message.activity().getString("id"), "the activity id is the reply's id");
        assertEquals(conversation.conversationId(), message.activity().getJsonObject("conversation").getString("id"));
        assertEquals(conversation.userId(), message.activity().getJsonObject("recipient").getString("id"));
        assertEquals(BOT_ID, message.activity().getJsonObject("from").getString("id"));
        assertEquals(Up.LOGIN.lastToken(), message.bearer(), "sent with the token Consentry got by client credentials");
        assertEquals(tokensBefore + 1, Up.LOGIN.tokenRequests.get(), "the refused token was renewed once");

        assertEquals(200, api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "").status());
        List<FakeConnector.Posted> events = Up.CONNECTOR.await(conversation.conversationId(), "event", 2);
        assertEquals("completed", events.get(1).activity().getJsonObject("value").getString("state"));
        assertEquals(List.of(), Up.CONNECTOR.contract.violations(), "every call as the Bot Connector's contract says");
    }

    @Test
    @Order(3)
    @RunAsClient
    void theBotIsRefusedWhileAHumanHoldsTheConversationAndAnUnknownConversationIs404() {
        Api api = new Api(base);
        Conversation conversation = Conversation.fresh(serviceUrl());
        String id = BotFrameworkChannel.handOff(api, conversation);
        assertEquals(200, post(api, conversation.fromBot("Konsultant zaraz dołączy."), token()).status(), "the bot may write while it waits");
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        Api.Reply refused = post(api, conversation.fromBot("Czy mogę jeszcze w czymś pomóc?"), token());
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.problem().getString("type").endsWith("human-holds-conversation"), refused::toString);

        Api.Reply unknown = post(api, Conversation.fresh(serviceUrl()).fromUser("Halo?"), token());
        assertEquals(404, unknown.status(), unknown::toString);
        unknown.problem();
    }

    @Test
    @Order(4)
    @RunAsClient
    void aMissingBadExpiredOrMisdirectedTokenIs401() {
        Api api = new Api(base);
        Conversation refused = Conversation.refused(serviceUrl());
        String body = refused.handoff();
        Map<String, String> tokens = BotFrameworkChannel.badTokens();
        tokens.forEach((what, token) -> {
            Api.Reply reply = post(api, body, token);
            assertEquals(401, reply.status(), what + ": " + reply);
            assertTrue(reply.problem().getString("type").endsWith("/unauthenticated"), what + ": " + reply);
        });
        assertEquals(0, api.get("api/v1/audit?subjectId=" + PlatformIds.of(refused.userId()), Api.ADMIN).structure().asJsonArray().size());
    }

    @Test
    @Order(5)
    @RunAsClient
    void aMalformedActivityIs400NamingTheFieldAndAServiceUrlNotAllowedIsNeverCalled() {
        Api api = new Api(base);
        Conversation refused = Conversation.refused(serviceUrl());
        String handoff = refused.handoff();
        Map<String, String> fields = Map.of(
                "conversation.id", handoff.replaceFirst("\"conversation\": \\{\\s*\"id\": \"[^\"]+\"\\s*}", "\"conversation\": {}"),
                "attachments", handoff.replace("\"name\": \"Transcript\",", "\"name\": \"Notes\","),
                "timestamp", handoff.replace("\"timestamp\": \"2026-11-29T10:00:05.1234567Z\"", "\"timestamp\": \"yesterday\""),
                "attachments[0].content.activities[1].text", handoff.replace("\"text\": \"Dzień dobry", "\"text\": 7, \"x\": \"Dzień dobry"),
                "channelData.consentry.aiDisclosureShown", handoff.replace("\"aiDisclosureShown\": true", "\"aiDisclosureShown\": \"yes\""));
        fields.forEach((field, body) -> {
            Api.Reply reply = post(api, body, token());
            assertEquals(400, reply.status(), field + ": " + reply);
            assertEquals(field, reply.problem().getString("field"), reply::toString);
        });
        Api.Reply notJson = post(api, "{\"type\": \"event\",", token());
        assertEquals(400, notJson.status(), notJson::toString);
        notJson.problem();
        // a charset the JVM does not know: the token is checked before the body is read, which is then strict UTF-8
        Api.Reply oddCharset = api.send(api.request("api/v1/platforms/botframework/activities", Api.ANONYMOUS)
                .header("Content-Type", "application/json; charset=bogus").POST(java.net.http.HttpRequest.BodyPublishers.ofString(handoff)));
        assertEquals(401, oddCharset.status(), oddCharset::toString);
        Api.Reply notUtf8 = api.send(api.request("api/v1/platforms/botframework/activities", Api.ANONYMOUS)
                .header("Content-Type", "application/json; charset=bogus").header("Authorization", "Bearer " + token())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', (byte) 0xC3, '}'})));
        assertEquals(400, notUtf8.status(), notUtf8::toString);
        assertEquals("body", notUtf8.problem().getString("field"), notUtf8::toString);

        String elsewhere = BotFrameworkChannel.elsewhereUrl();
        Api.Reply redirected = post(api, new Conversation(refused.conversationId(), refused.userId(), elsewhere).handoff(),
                BotFrameworkFixtures.token(Up.LOGIN.channelKey, "channel-1", APP_ID, elsewhere));
        assertEquals(400, redirected.status(), redirected::toString);
        assertEquals("serviceUrl", redirected.problem().getString("field"));
        assertEquals(List.of(), Up.ELSEWHERE.received, "nothing is sent to a service URL not allowed");
    }

    @Test
    @Order(6)
    @RunAsClient
    void aTokenOfANewlyPublishedKeyIsTakenOnceTheKeySetIsFetchedAgain() throws Exception {
        Api api = new Api(base);
        Conversation conversation = Conversation.fresh(serviceUrl());
        int fetches = Up.LOGIN.keyFetches.get();
        Up.LOGIN.rotate();
        String rotated = BotFrameworkFixtures.token(Up.LOGIN.rotatedKey, "channel-2", APP_ID, serviceUrl());
        // the key set is fetched again for an unknown kid, at most once every few seconds
        Eventually.until("the new key is taken", Duration.ofSeconds(20), () -> post(api, conversation.handoff(), rotated).status() == 201);
        assertTrue(Up.LOGIN.keyFetches.get() > fetches, "the key set was fetched again");
    }

    /** Inside the server: nothing of a refused request is stored, and no row of the adapter's escalations holds personal data in clear. */
    @Test
    @Order(7)
    void nothingOfARefusedRequestIsStoredAndTheRowsAreSealed() throws Exception {
        Db db = new Db(dataSource);
        assertEquals(List.of(), db.rows("SELECT id FROM escalation WHERE conversation_id LIKE 'bf:refused-%' OR subject_id LIKE 'bf:refused-%'"));
        assertEquals(List.of(), db.rows("SELECT subject_id FROM consent_record WHERE subject_id LIKE 'bf:refused-%'"));
        List<Map<String, Object>> undelivered = db.rows("SELECT kind, status, attempts, last_outcome FROM outbox_entry"
                + " WHERE (target = 'platform:botframework' OR kind = 'callback.handoff-status') AND status <> 'DELIVERED'");
        assertEquals(List.of(), undelivered, "every reply and status to the Bot Connector was delivered");
        List<Map<String, Object>> escalations = db.rows("SELECT * FROM escalation WHERE platform = 'botframework'");
        assertTrue(escalations.size() >= 4, "the adapter's escalations: " + escalations.size());
        for (Map<String, Object> escalation : escalations) {
            List<Map<String, Object>> rows = new java.util.ArrayList<>(List.of(escalation));
            rows.addAll(db.rows("SELECT * FROM escalation_message WHERE escalation_id = ?", escalation.get("id")));
            for (Map<String, Object> row : rows) {
                for (Object value : row.values()) {
                    String text = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(value);
                    for (String secret : Handoff.secrets()) {
                        assertFalse(text.contains(secret), "personal data in clear in a row of escalation " + escalation.get("id"));
                    }
                }
            }
        }
    }
}
