package org.consentry.escalation.adapter.dialogflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.escalation.adapter.PlatformFixtures;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Dialogflow CX adapter end to end over the documented webhook calls: a handoff once however often
 * Dialogflow calls, the transcript masked for the agent and sealed at rest, the agent's reply and the
 * handoff's status at the integration's reply URL (signed), the bot silenced by the session parameters
 * and refused with 409 while a human holds the session, released when the agent resolves; a bad secret
 * 401 with nothing stored, a malformed call 400 naming the member, an unknown session 404. The client
 * tests run outside the server; the one that reads the tables runs inside it.
 */
@ExtendWith(ArquillianExtension.class)
class DialogflowCxAdapterIT {

    /** Loaded on the client only (the stand-in is no part of the server). */
    static final class Fake {
        static final DialogflowIntegration INTEGRATION = new DialogflowIntegration().up();
    }

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers("""
                config_ordinal=700
                consentry.platforms.dialogflow-cx.secret=%s
                consentry.platforms.dialogflow-cx.reply-url=%s
                consentry.platforms.dialogflow-cx.reply-secret=%s
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                """.formatted(DialogflowIntegration.HOOK_SECRET, Fake.INTEGRATION.url(), DialogflowIntegration.REPLY_SECRET))
                .addClasses(DialogflowPayloads.class, PlatformFixtures.class)
                .addAsResource("platforms/dialogflow-cx/webhook-request-handoff.json");
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    @RunAsClient
    void aRetriedHandoffIsOneEscalationWhoseAgentSeesItMaskedAndWhoseRepliesReachTheIntegrationWhileTheBotIsSilenced()
            throws Exception {
        Api api = new Api(base);
        String sessionId = UUID.randomUUID().toString();
        String session = DialogflowPayloads.AGENT + "/sessions/" + sessionId;
        String subject = "cust-" + UUID.randomUUID();
        String handoff = DialogflowPayloads.call("webhook-request-handoff.json", sessionId, subject);
        Api.Reply first = webhook(api, handoff, DialogflowIntegration.HOOK_SECRET);
        Api.Reply retried = webhook(api, handoff, DialogflowIntegration.HOOK_SECRET);
        assertEquals(200, first.status(), first::toString);
        assertEquals(first.text(), retried.text(), "Dialogflow's retry gets the same answer");
        WebhookResponseSchema.check(first.json());
        String id = parameters(first).getString("consentry_escalation_id");
        assertEquals(JsonValue.FALSE, parameters(first).get("consentry_human_joined"));
        assertEquals(1, api.get("api/v1/subjects/" + subject + "/export", Api.ADMIN).json().getJsonArray("escalations").size(),
                "one escalation");

        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        JsonObject view = api.get("api/v1/escalations/" + id, Api.AGENT1).json();
        assertEquals(4, view.getJsonArray("transcript").size(), "history, the customer's turn and the bot's text");
        for (String secret : Handoff.secrets()) {
            assertFalse(view.toString().contains(secret), "the agent sees the transcript masked");
        }
        assertEquals("accepted", Fake.INTEGRATION.await("handoff.status", session, 1).get(0).getString("status"));

        Api.Reply turn = webhook(api, DialogflowPayloads.call("webhook-request-turn.json", sessionId, subject), DialogflowIntegration.HOOK_SECRET);
        assertEquals(200, turn.status(), turn::toString);
        WebhookResponseSchema.check(turn.json());
        assertEquals(JsonValue.TRUE, parameters(turn).get("consentry_human_joined"), "the flow knows a human holds it");
        assertEquals(0, turn.json().getJsonObject("fulfillmentResponse").getJsonArray("messages").size(), "no bot text");
        assertEquals("REPLACE", turn.json().getJsonObject("fulfillmentResponse").getString("mergeBehavior"));
        assertEquals(5, api.get("api/v1/escalations/" + id, Api.AGENT1).json().getJsonArray("transcript").size(),
                "the customer's turn reached the agent");

        Api.Reply bot = webhook(api, DialogflowPayloads.call("webhook-request-bot-message.json", sessionId, subject),
                DialogflowIntegration.HOOK_SECRET);
        assertEquals(409, bot.status(), bot::toString);
        assertTrue(bot.problem().getString("type").endsWith("human-holds-conversation"), bot::toString);

        Api.Reply reply = api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1, "{\"text\":\"Zwrot zlecony, dziękuję.\"}");
        assertEquals(201, reply.status(), reply::toString);
        JsonObject delivered = Fake.INTEGRATION.await("agent.message", session, 1).get(0);
        assertEquals("Zwrot zlecony, dziękuję.", delivered.getString("text"));
        assertEquals(id, delivered.getString("escalationId"));
        assertEquals(reply.json().getString("id"), delivered.getString("messageId"));
        assertEquals("agent1", delivered.getString("agent"));

        assertEquals(200, api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "").status());
        assertEquals(List.of("accepted", "completed"), Fake.INTEGRATION.await("handoff.status", session, 2).stream()
                .map(s -> s.getString("status")).distinct().toList());
        Api.Reply after = webhook(api, DialogflowPayloads.call("webhook-request-turn.json", sessionId, subject), DialogflowIntegration.HOOK_SECRET);
        WebhookResponseSchema.check(after.json());
        assertEquals(JsonValue.NULL, parameters(after).get("consentry_escalation_id"), "released: the bot answers again");
        assertFalse(after.json().containsKey("fulfillmentResponse"), "the bot's own messages pass");
        Api.Reply again = webhook(api, handoff, DialogflowIntegration.HOOK_SECRET);
        assertEquals(409, again.status(), "a resolved session is not handed off again: " + again);
        assertTrue(again.problem().getString("type").endsWith("escalation-resolved"), again::toString);
        String audit = api.get("api/v1/audit?subjectId=" + subject + "&limit=100", Api.ADMIN).text();
        assertTrue(audit.contains("dialogflow-cx:4f1c7b2e-8a3d-4e5f-9b6a-1c2d3e4f5a6b"), "the audit names the Dialogflow agent: " + audit);
    }

    @Test
    @RunAsClient
    void aBadOrMissingSecretIs401AndStoresNothing() {
        Api api = new Api(base);
        String subject = "cust-" + UUID.randomUUID();
        String handoff = DialogflowPayloads.call("webhook-request-handoff.json", UUID.randomUUID().toString(), subject);
        for (String secret : new String[] {"wrong", null, DialogflowIntegration.HOOK_SECRET + "x"}) {
            Api.Reply refused = webhook(api, handoff, secret);
            assertEquals(401, refused.status(), refused::toString);
            refused.problem();
        }
        JsonObject export = api.get("api/v1/subjects/" + subject + "/export", Api.ADMIN).json();
        assertEquals(0, export.getJsonArray("escalations").size(), "no escalation");
        assertFalse(export.toString().contains("2026-11"), "no consent recorded: " + export);
    }

    @Test
    @RunAsClient
    void aMalformedCallIs400NamingTheMemberAHandoffWithoutConsent403AndAnUnknownSession404() {
        Api api = new Api(base);
        String sessionId = UUID.randomUUID().toString();
        String broken = DialogflowPayloads.call("webhook-request-handoff.json", sessionId, "cust-" + UUID.randomUUID())
                .replace("\"session\": \"projects/", "\"session\": \"elsewhere/");
        Api.Reply bad = webhook(api, broken, DialogflowIntegration.HOOK_SECRET);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("sessionInfo.session", bad.problem().getString("field"));
        Api.Reply notJson = webhook(api, "{\"detectIntentResponseId\":", DialogflowIntegration.HOOK_SECRET);
        assertEquals(400, notJson.status(), notJson::toString);
        Api.Reply email = webhook(api, DialogflowPayloads.call("webhook-request-handoff.json", sessionId, "cust-x")
                .replace("k.wisniewska@example.pl", "not-an-email"), DialogflowIntegration.HOOK_SECRET);
        assertEquals(400, email.status(), email::toString);
        assertEquals("payload.consentry.customer.email", email.problem().getString("field"));

        String subject = "cust-" + UUID.randomUUID();
        Api.Reply unconsented = webhook(api, PlatformFixtures.without(DialogflowPayloads.call("webhook-request-handoff.json",
                UUID.randomUUID().toString(), subject), "payload", "consentry", "consent"), DialogflowIntegration.HOOK_SECRET);
        assertEquals(403, unconsented.status(), unconsented::toString);
        assertTrue(unconsented.problem().getString("type").endsWith("consent-required"), unconsented::toString);
        assertEquals(0, api.get("api/v1/subjects/" + subject + "/export", Api.ADMIN).json().getJsonArray("escalations").size());

        Api.Reply unknown = webhook(api, DialogflowPayloads.call("webhook-request-turn.json", UUID.randomUUID().toString(), "x"),
                DialogflowIntegration.HOOK_SECRET);
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("sessionInfo.session", unknown.problem().getString("field"));
    }

    /** Inside the server: the rows of a Dialogflow handoff hold no personal value in clear. */
    @Test
    void theHandoffsRowsAreSealed() throws Exception {
        Api api = new Api(base);
        String sessionId = UUID.randomUUID().toString();
        Api.Reply handed = webhook(api, DialogflowPayloads.call("webhook-request-handoff.json", sessionId, "cust-" + UUID.randomUUID()),
                DialogflowIntegration.HOOK_SECRET);
        assertEquals(200, handed.status(), handed::toString);
        String id = parameters(handed).getString("consentry_escalation_id");
        PlatformFixtures.assertSealed(new Db(dataSource), id, 4);
    }

    private static JsonObject parameters(Api.Reply reply) {
        return reply.json().getJsonObject("sessionInfo").getJsonObject("parameters");
    }

    private static Api.Reply webhook(Api api, String body, String secret) {
        HttpRequest.Builder request = api.request("api/v1/platforms/dialogflow-cx/webhook", Api.ANONYMOUS)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(DialogflowCxResource.SECRET_HEADER, secret);
        }
        return api.send(request);
    }
}
