package org.consentry.escalation.adapter.rasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
 * The Rasa adapter end to end over the documented tracker: a handoff once however often the custom
 * action retries, the transcript masked for the agent and sealed at rest, the bot paused through Rasa's
 * HTTP API when an agent claims and resumed when the agent resolves (contract-checked), the agent's reply
 * at Rasa's callback URL in the callback channel's shape, a bot utterance refused with 409 while a human
 * holds the conversation; a bad token 401 with nothing stored, a malformed tracker 400 naming the member,
 * an unknown sender 404. The client tests run outside the server; the one that reads the tables inside it.
 */
@ExtendWith(ArquillianExtension.class)
class RasaAdapterIT {

    static final String TOKEN = "consentry-rasa-token-it-5Jm1";

    /** Loaded on the client only (the stand-in is no part of the server). */
    static final class Fake {
        static final FakeRasa RASA = new FakeRasa().up();
    }

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers("""
                config_ordinal=700
                consentry.platforms.rasa.token=%s
                consentry.platforms.rasa.url=%s
                consentry.platforms.rasa.api-token=%s
                consentry.platforms.rasa.callback-url=%s
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                """.formatted(TOKEN, Fake.RASA.server.url(""), FakeRasa.API_TOKEN, Fake.RASA.server.url(FakeRasa.CALLBACK)))
                .addClasses(RasaPayloads.class, PlatformFixtures.class)
                .addAsResource("platforms/rasa/tracker-handoff.json");
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    @RunAsClient
    void aRetriedHandoffIsOneEscalationThatPausesTheBotAndWhoseRepliesReachTheCallbackChannel() throws Exception {
        Api api = new Api(base);
        String sender = "web-" + UUID.randomUUID();
        String subject = "cust-" + UUID.randomUUID();
        Api.Reply first = post(api, "handoff", RasaPayloads.tracker(sender, subject), TOKEN);
        Api.Reply retried = post(api, "handoff", RasaPayloads.tracker(sender, subject), TOKEN);
        assertEquals(201, first.status(), first::toString);
        assertEquals(200, retried.status(), retried::toString);
        String id = first.json().getString("escalationId");
        assertEquals(id, retried.json().getString("escalationId"));
        assertEquals(1, api.get("api/v1/subjects/" + subject + "/export", Api.ADMIN).json().getJsonArray("escalations").size());

        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        JsonObject view = api.get("api/v1/escalations/" + id, Api.AGENT1).json();
        assertEquals(3, view.getJsonArray("transcript").size(), "the two user events and the bot event");
        for (String secret : Handoff.secrets()) {
            assertFalse(view.toString().contains(secret), "the agent sees the transcript masked");
        }
        assertEquals(List.of("pause"), Fake.RASA.events(sender, 1), "a human joined: the bot is paused");

        Api.Reply bot = post(api, "messages", RasaPayloads.utterance(sender, "bot", "Czy mogę jeszcze w czymś pomóc?"), TOKEN);
        assertEquals(409, bot.status(), bot::toString);
        assertTrue(bot.problem().getString("type").endsWith("human-holds-conversation"), bot::toString);
        Api.Reply user = post(api, "messages", RasaPayloads.utterance(sender, "user", "Czy zwrot już jest zlecony?"), TOKEN);
        assertEquals(200, user.status(), user::toString);
        assertTrue(user.json().getBoolean("humanJoined"));
        assertEquals(4, api.get("api/v1/escalations/" + id, Api.AGENT1).json().getJsonArray("transcript").size());

        assertEquals(201, api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1, "{\"text\":\"Zwrot zlecony, dziękuję.\"}").status());
        JsonObject reply = Fake.RASA.callbacks(sender, 1).get(0);
        assertEquals("Zwrot zlecony, dziękuję.", reply.getString("text"));

        assertEquals(200, api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "").status());
        assertEquals(List.of("pause", "resume"), Fake.RASA.events(sender, 2).stream().distinct().toList(), "resolved: the bot resumes");
        Api.Reply again = post(api, "handoff", RasaPayloads.tracker(sender, subject), TOKEN);
        assertEquals(409, again.status(), "a resolved conversation is not handed off again: " + again);
        assertTrue(again.problem().getString("type").endsWith("escalation-resolved"), again::toString);
        String audit = api.get("api/v1/audit?subjectId=" + subject + "&limit=100", Api.ADMIN).text();
        assertTrue(audit.contains("rasa:action-server"), "the audit names the Rasa client: " + audit);
        assertEquals(List.of(), Fake.RASA.contract.violations(), "every call and answer as Rasa's HTTP API describes it");
    }

    @Test
    @RunAsClient
    void aBadOrMissingTokenIs401AndStoresNothing() {
        Api api = new Api(base);
        String subject = "cust-" + UUID.randomUUID();
        for (String token : new String[] {"wrong", null, TOKEN + "x"}) {
            Api.Reply refused = post(api, "handoff", RasaPayloads.tracker("web-" + UUID.randomUUID(), subject), token);
            assertEquals(401, refused.status(), refused::toString);
            refused.problem();
        }
        JsonObject export = api.get("api/v1/subjects/" + subject + "/export", Api.ADMIN).json();
        assertEquals(0, export.getJsonArray("escalations").size(), "no escalation");
        assertFalse(export.toString().contains("2026-11"), "no consent recorded: " + export);
    }

    @Test
    @RunAsClient
    void aMalformedTrackerIs400NamingTheMemberAHandoffWithoutConsent403AndAnUnknownSender404() {
        Api api = new Api(base);
        String sender = "web-" + UUID.randomUUID();
        Api.Reply bad = post(api, "handoff", RasaPayloads.tracker(sender, "cust-x").replace("\"timestamp\": 1764410400.0", "\"timestamp\": \"x\""), TOKEN);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("events[3].timestamp", bad.problem().getString("field"));
        Api.Reply subject = post(api, "handoff", RasaPayloads.tracker(sender, "bad subject!"), TOKEN);
        assertEquals(400, subject.status(), subject::toString);
        assertEquals("slots.consentry.subjectId", subject.problem().getString("field"));
        String unconsentedSubject = "cust-" + UUID.randomUUID();
        Api.Reply unconsented = post(api, "handoff", PlatformFixtures.without(RasaPayloads.tracker("web-" + UUID.randomUUID(),
                unconsentedSubject), "slots", "consentry", "consent"), TOKEN);
        assertEquals(403, unconsented.status(), unconsented::toString);
        assertTrue(unconsented.problem().getString("type").endsWith("consent-required"), unconsented::toString);
        assertEquals(0, api.get("api/v1/subjects/" + unconsentedSubject + "/export", Api.ADMIN).json().getJsonArray("escalations").size());

        Api.Reply unknown = post(api, "messages", RasaPayloads.utterance("web-" + UUID.randomUUID(), "user", "halo?"), TOKEN);
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("sender_id", unknown.problem().getString("field"));
    }

    /** Inside the server: the rows of a Rasa handoff hold no personal value in clear. */
    @Test
    void theHandoffsRowsAreSealed() throws Exception {
        Api api = new Api(base);
        Api.Reply handed = post(api, "handoff", RasaPayloads.tracker("web-" + UUID.randomUUID(), "cust-" + UUID.randomUUID()), TOKEN);
        assertEquals(201, handed.status(), handed::toString);
        String id = handed.json().getString("escalationId");
        PlatformFixtures.assertSealed(new Db(dataSource), id, 3);
    }

    private static Api.Reply post(Api api, String path, String body, String token) {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return api.send(api.request("api/v1/platforms/rasa/" + path + query, Api.ANONYMOUS)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
