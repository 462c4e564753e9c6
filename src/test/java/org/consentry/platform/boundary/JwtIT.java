package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.security.KeyPair;
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
 * Production authentication: MP JWT bearer tokens for Consentry's audience whose {@code consentry_roles}
 * claim names the roles (security finding 1: neither another application's token nor its groups make a
 * Consentry role). The key pair is made for this run; the server trusts its public half through the
 * standard MP JWT configuration.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JwtIT {

    private static final String ISSUER = Tokens.ISSUER;
    private static final KeyPair TRUSTED = Tokens.TRUSTED;
    private static final KeyPair STRANGER = Tokens.rsa();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(Tokens.serverConfig());
    }

    @ArquillianResource
    URL base;

    @Test
    @Proves(Duty.GDPR_32)
    void theRolesClaimNamesTheRoleAndTheUpnTheCaller() {
        Api api = new Api(base);
        // the bot named by the token hands the conversation off (the consent inside), so it may add consents
        Handoff handoff = new Handoff().withConsent();
        var handedOff = api.send(bearer(api, "api/v1/escalations", token(TRUSTED, ISSUER, "crm-bot-7", List.of("bot"), 300))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(handoff.json())));
        assertEquals(201, handedOff.status(), handedOff::toString);
        String subject = handoff.subjectId;
        var grant = api.send(bearer(api, "api/v1/subjects/" + subject + "/consents/crm-sync",
                token(TRUSTED, ISSUER, "crm-bot-7", List.of("bot"), 300))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"noticeVersion\":\"2026-11\",\"channel\":\"web\",\"evidence\":\"form f-9\"}")));
        assertEquals(200, grant.status(), grant::toString);
        assertEquals("crm-bot-7", grant.json().getString("grantedBy"));

        var read = api.send(bearer(api, "api/v1/subjects/" + subject + "/consents",
                token(TRUSTED, ISSUER, "dpo-1", List.of("admin"), 300)).GET());
        assertEquals(200, read.status(), read::toString);
        assertEquals(List.of("crm-bot-7", "crm-bot-7"), read.json().getJsonArray("history").getValuesAs(JsonObject.class)
                .stream().map(r -> r.getString("grantedBy")).toList());
    }

    /** Finding 1: a group named "admin" that the identity provider issues for another application. */
    @Test
    void jwtAudienceAndRolesClaim_aGroupOfAnotherApplicationMakesNoConsentryRole() {
        Api api = new Api(base);
        String groupsOnly = Tokens.token("helpdesk-admin", claims -> claims.audience(Tokens.AUDIENCE)
                .claim("groups", List.of("admin", "bot", "agent")));
        var reply = api.send(bearer(api, "api/v1/subjects/x/consents", groupsOnly).GET());
        assertEquals(403, reply.status(), reply::toString);
        assertTrue(reply.problem().getString("type").endsWith("/forbidden"), reply::toString);
    }

    /** Finding 1: a token of the same issuer and keys, made for another audience (or for none), is refused. */
    @Test
    void jwtAudienceAndRolesClaim_aTokenForAnotherAudienceOrNoneIs401() {
        Api api = new Api(base);
        for (String token : List.of(
                Tokens.token("reports-admin", claims -> claims.audience("helpdesk-reports").claim(Tokens.ROLES_CLAIM, List.of("admin"))),
                Tokens.token("no-audience", claims -> claims.claim(Tokens.ROLES_CLAIM, List.of("admin"))))) {
            var reply = api.send(bearer(api, "api/v1/subjects/x/consents", token).GET());
            assertEquals(401, reply.status(), reply::toString);
            assertTrue(reply.problem().getString("type").endsWith("/unauthenticated"), reply::toString);
        }
    }

    @Test
    void basicLoginStillWorksBesideJwt() {
        Api api = new Api(base);
        assertEquals(200, api.get("api/v1/subjects/x/consents", Api.ADMIN).status());
        assertEquals(401, api.get("api/v1/subjects/x/consents", "nobody-" + UUID.randomUUID() + ":wrong").status());
    }

    @Test
    void aRoleWithoutAccessIs403() {
        Api api = new Api(base);
        var reply = api.send(bearer(api, "api/v1/subjects/x/consents", token(TRUSTED, ISSUER, "agent-3", List.of("agent"), 300)).GET());
        assertEquals(403, reply.status(), reply::toString);
        assertTrue(reply.problem().getString("type").endsWith("/forbidden"));
    }

    @Test
    void untrustedExpiredOrForeignTokensAre401() {
        Api api = new Api(base);
        for (String token : List.of(
                token(STRANGER, ISSUER, "mallory", List.of("admin"), 300),
                token(TRUSTED, ISSUER, "late", List.of("admin"), -600),
                token(TRUSTED, "https://elsewhere.test", "other", List.of("admin"), 300),
                "not.a.token")) {
            var reply = api.send(bearer(api, "api/v1/subjects/x/consents", token).GET());
            assertEquals(401, reply.status(), () -> token + " -> " + reply);
            reply.problem();
        }
    }

    private static HttpRequest.Builder bearer(Api api, String path, String token) {
        return api.request(path, Api.ANONYMOUS).header("Authorization", "Bearer " + token);
    }

    private static String token(KeyPair keys, String issuer, String upn, List<String> groups, long secondsValid) {
        return Tokens.token(keys, issuer, upn, groups, secondsValid);
    }
}
