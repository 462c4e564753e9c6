package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.Keycloak;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One identity per bot with tokens from a real Keycloak (realm consentry-bots of src/test/resources/keycloak):
 * two confidential clients, bot-a and bot-b, each gets a client-credentials token; Consentry verifies them
 * with the realm's JWKS URL and names each bot by azp. Bot B finds nothing of bot A's escalation, and the
 * audit names each client by its client id.
 */
@EnabledIf(value = "org.consentry.testing.Prerequisites#keycloak", disabledReason = "no JDK of Java 21 or later for Keycloak (e.g. openjdk-21-jdk-headless, or KEYCLOAK_JAVA_HOME); under CI=true this test runs")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakBotsIT {

    private static final String REALM = "consentry-bots";

    @Deployment(testable = false)
    static WebArchive deployment() {
        URI issuer = Keycloak.get().issuer(REALM);
        return Deployments.application("mp.jwt.verify.issuer=" + issuer + "\n"
                + "mp.jwt.verify.publickey.location=" + issuer + "/protocol/openid-connect/certs\n"
                + "consentry.jwt.client-claim=azp\n");
    }

    @ArquillianResource
    URL base;

    @Test
    @Proves(Duty.GDPR_32)
    void twoBotsOfKeycloakEachSeeOnlyTheirOwnEscalationAndTheAuditNamesTheClient() throws Exception {
        Api api = new Api(base);
        String botA = token("bot-a", "bot-a-test-secret");
        String botB = token("bot-b", "bot-b-test-secret");
        Api.Reply me = api.send(api.request("api/v1/me", Api.ANONYMOUS).header("Authorization", "Bearer " + botA).GET());
        assertEquals(200, me.status(), me::toString);
        assertEquals("bot-a", me.json().getString("user"));

        Handoff handoff = new Handoff().withConsent();
        Api.Reply created = api.send(api.request("api/v1/escalations", Api.ANONYMOUS).header("Authorization", "Bearer " + botA)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(handoff.json())));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        assertEquals(201, api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1, "{\"text\":\"Zaraz sprawdzę\"}").status());

        Api.Reply own = get(api, botA, "api/v1/escalations/" + id + "/messages");
        assertEquals(200, own.status(), own::toString);
        assertEquals(List.of("Zaraz sprawdzę"), own.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("text")).toList());

        String nowhere = UUID.randomUUID().toString();
        Api.Reply other = get(api, botB, "api/v1/escalations/" + id + "/messages");
        Api.Reply absent = get(api, botB, "api/v1/escalations/" + nowhere + "/messages");
        assertEquals(404, other.status(), other::toString);
        assertEquals(absent.text().replace(nowhere, "ID"), other.text().replace(id, "ID"));
        assertFalse(other.text().contains("Zaraz"), other::toString);

        List<JsonObject> audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=200", Api.ADMIN)
                .structure().asJsonArray().getValuesAs(JsonObject.class);
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("escalation.relay") && e.getString("actor").equals("bot-a")),
                audit::toString);
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("escalation.bot-access")
                && e.getString("actor").equals("bot-b") && e.getString("outcome").equals("DENIED")), audit::toString);
    }

    /** A client-credentials token of the realm for the client. */
    private static String token(String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Keycloak.get().issuer(REALM) + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(answer.body()))) {
            return reader.readObject().getString("access_token");
        }
    }

    private static Api.Reply get(Api api, String token, String path) {
        return api.send(api.request(path, Api.ANONYMOUS).header("Authorization", "Bearer " + token).GET());
    }
}
