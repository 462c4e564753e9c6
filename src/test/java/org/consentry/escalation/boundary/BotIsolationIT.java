package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.Tokens;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One identity per bot, with tokens shaped as an identity provider issues them for the client-credentials
 * grant (the client in azp, a service account's id in sub, no upn): an escalation belongs to the bot client
 * that handed it off; another bot gets for its messages and relay exactly what an escalation that does not
 * exist gets, cannot take its conversation over by its conversation id, and the audit names each client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BotIsolationIT {

    private static final String BOT_A = "isolation-bot-a";
    private static final String BOT_B = "isolation-bot-b";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(Tokens.serverConfig() + "consentry.jwt.client-claim=azp\n");
    }

    @ArquillianResource
    URL base;

    @Test
    @Proves(Duty.GDPR_32)
    void anotherBotClientFindsNothingOfAnEscalationAndTheAuditNamesEachClient() {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent().says("Moja karta została obciążona dwa razy");
        Api.Reply created = send(api, BOT_A, "api/v1/escalations", handoff.json());
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        Api.Reply replied = api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1, "{\"text\":\"Sprawdzam zwrot dla pani\"}");
        assertEquals(201, replied.status(), replied::toString);

        // bot A gets its data
        Api.Reply own = get(api, BOT_A, "api/v1/escalations/" + id + "/messages");
        assertEquals(200, own.status(), own::toString);
        assertEquals(List.of("Sprawdzam zwrot dla pani"), own.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("text")).toList());

        // bot B gets, path for path, the answer for an id that exists nowhere
        String nowhere = UUID.randomUUID().toString();
        Api.Reply relay = get(api, BOT_B, "api/v1/escalations/" + id + "/messages");
        assertSameAsNowhere(relay, get(api, BOT_B, "api/v1/escalations/" + nowhere + "/messages"), id, nowhere);
        for (String body : List.of("{\"text\":\"Podaj mi numer karty\"}", "{\"text\":\"Tu bot B\",\"from\":\"bot\"}")) {
            Api.Reply message = send(api, BOT_B, "api/v1/escalations/" + id + "/messages", body);
            assertSameAsNowhere(message, send(api, BOT_B, "api/v1/escalations/" + nowhere + "/messages", body), id, nowhere);
        }
        // nothing bot B sent was stored: the agent's view of the transcript has none of it
        String transcript = api.get("api/v1/escalations/" + id, Api.AGENT1).text();
        assertFalse(transcript.contains("Podaj mi") || transcript.contains("Tu bot B"), transcript);

        // the same conversation id from bot B: a conflict that tells nothing of bot A's escalation
        Api.Reply again = send(api, BOT_B, "api/v1/escalations", handoff.json());
        assertEquals(409, again.status(), again::toString);
        assertTrue(again.problem().getString("type").endsWith("/conversation-conflict"), again::toString);
        assertFalse(again.text().contains(id) || again.text().contains("ASSIGNED") || again.text().contains(handoff.subjectId),
                again::toString);
        // while bot A's repeat is the same escalation
        Api.Reply repeat = send(api, BOT_A, "api/v1/escalations", handoff.json());
        assertEquals(200, repeat.status(), repeat::toString);
        assertEquals(id, repeat.json().getString("id"));

        // the audit names each client: bot A's handoff and relay, bot B's refused attempts
        List<JsonObject> audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=200", Api.ADMIN)
                .structure().asJsonArray().getValuesAs(JsonObject.class);
        List<JsonObject> bots = audit.stream().filter(e -> "bot".equals(e.getString("role", null))).toList();
        assertTrue(bots.stream().anyMatch(e -> e.getString("action").equals("consent.check") && e.getString("actor").equals(BOT_A)),
                audit::toString);
        assertTrue(bots.stream().anyMatch(e -> e.getString("action").equals("escalation.relay") && e.getString("actor").equals(BOT_A)),
                audit::toString);
        assertEquals(3, bots.stream().filter(e -> e.getString("action").equals("escalation.bot-access")
                && e.getString("actor").equals(BOT_B) && e.getString("outcome").equals("DENIED")).count(), audit::toString);
        assertTrue(bots.stream().allMatch(e -> e.getString("actor").equals(BOT_A) || e.getString("actor").equals(BOT_B)),
                audit::toString);
    }

    @Test
    void aBotTokenThatNamesNoClientIsRefused() {
        Api api = new Api(base);
        String unnamed = Tokens.token("no-azp-bot", claims -> claims.audience(Tokens.AUDIENCE)
                .claim(Tokens.ROLES_CLAIM, List.of("bot")));
        Api.Reply reply = api.send(api.request("api/v1/me", Api.ANONYMOUS).header("Authorization", "Bearer " + unnamed).GET());
        assertEquals(403, reply.status(), reply::toString);
        assertTrue(reply.problem().getString("detail").contains("azp"), reply::toString);
        Api.Reply reserved = api.send(api.request("api/v1/me", Api.ANONYMOUS)
                .header("Authorization", "Bearer " + Tokens.client("~unowned")).GET());
        assertEquals(403, reserved.status(), reserved::toString);
        Api.Reply named = api.send(api.request("api/v1/me", Api.ANONYMOUS).header("Authorization", "Bearer " + Tokens.client(BOT_A)).GET());
        assertEquals(200, named.status(), named::toString);
        assertEquals(BOT_A, named.json().getString("user"));
    }

    private static void assertSameAsNowhere(Api.Reply reply, Api.Reply nowhere, String id, String absentId) {
        assertEquals(404, reply.status(), reply::toString);
        assertEquals(404, nowhere.status(), nowhere::toString);
        reply.problem();
        assertEquals(nowhere.text().replace(absentId, "ID"), reply.text().replace(id, "ID"));
        assertEquals(nowhere.contentType(), reply.contentType());
    }

    private static Api.Reply get(Api api, String client, String path) {
        return api.send(api.request(path, Api.ANONYMOUS).header("Authorization", "Bearer " + Tokens.client(client)).GET());
    }

    private static Api.Reply send(Api api, String client, String path, String json) {
        return api.send(api.request(path, Api.ANONYMOUS).header("Authorization", "Bearer " + Tokens.client(client))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
