package org.consentry.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.consentry.sso.boundary.SsoBrowser.Answer;
import org.consentry.testing.Api;
import org.consentry.testing.Browser;
import org.consentry.testing.Deployments;
import org.consentry.testing.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Single sign-on for the console against a real Keycloak (testing/Keycloak, realm consentry-realm.json) through
 * Liberty's OpenID Connect client, driven in headless Chromium through Keycloak's own login page: agents and
 * admins get their roles from the consentry_roles claim, sign-out ends the session here and at Keycloak, a token
 * of another realm gets nothing, and a session older than consentry.sso.session-max is refused.
 */
@EnabledIf(value = "org.consentry.testing.Prerequisites#keycloak", disabledReason = "no JDK of Java 21 or later for Keycloak (e.g. openjdk-21-jdk-headless, or KEYCLOAK_JAVA_HOME); under CI=true this test runs")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SsoIT {

    /** Short, so that the expiry test waits for it; the other tests finish well within it. */
    static final Duration SESSION_MAX = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static WebArchive deployment() {
        Keycloak keycloak = Keycloak.get(); // up before the server's first single sign-on
        URI issuer = keycloak.issuer("consentry");
        return Deployments.application("""
                config_ordinal=700
                consentry.sso.end-session-url=%1$s/protocol/openid-connect/logout
                consentry.sso.session-max=%2$s
                mp.jwt.verify.issuer=%1$s
                mp.jwt.verify.publickey.location=%1$s/protocol/openid-connect/certs
                """.formatted(issuer, SESSION_MAX));
    }

    @ArquillianResource
    URL base;

    /** The console over HTTPS, as single sign-on uses it (the redirect URI registered at Keycloak is HTTPS). */
    private static URL console() {
        try {
            return URI.create("https://localhost:" + System.getProperty("it.https.port", "19443") + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Keycloak keycloak = Keycloak.get();

    @Test
    void anAgentSignsInAtKeycloakAndGetsTheDeskOnly() {
        Instant before = Instant.now();
        try (Browser browser = Browser.open(console())) {
            SsoBrowser.signIn(browser, keycloak, "sso-agent1", "sso-agent1-test");
            assertEquals(List.of("desk"), SsoBrowser.pages(browser));
            browser.waitFor(By.id("queue"));

            Answer me = SsoBrowser.fetch(browser, "GET", "api/v1/me");
            assertEquals(200, me.status(), me.body());
            assertEquals("sso-agent1", me.json().getString("user"), "the principal the server saw");
            assertEquals(List.of("agent"), strings(me.json().getJsonArray("roles")));

            Answer policies = SsoBrowser.fetch(browser, "GET", "api/v1/retention/policies");
            assertEquals(403, policies.status(), "an agent reads no admin endpoint: " + policies.body());
            Answer audit = SsoBrowser.fetch(browser, "GET", "api/v1/audit");
            assertEquals(403, audit.status(), audit.body());
            browser.go("console/#retention");
            browser.waitUntil(d -> "sso-agent1".equals(d.findElement(By.id("who")).getText()));
            assertEquals(List.of("desk"), SsoBrowser.pages(browser), "no admin page for an agent");
            browser.assertNoConsoleErrors();
        }
        JsonObject signIn = auditEntry(SsoSignIn.ACTION, "sso-agent1", before);
        assertEquals("agent", signIn.getString("role"));
        assertEquals("ALLOWED", signIn.getString("outcome"));
    }

    @Test
    void anAdminSignsInAtKeycloakAndGetsTheAdminPages() {
        Instant before = Instant.now();
        try (Browser browser = Browser.open(console())) {
            SsoBrowser.signIn(browser, keycloak, "sso-admin", "sso-admin-test");
            List<String> pages = SsoBrowser.pages(browser);
            assertFalse(pages.contains("desk"), pages.toString());
            assertTrue(pages.containsAll(List.of("retention", "audit")), pages.toString());

            Answer me = SsoBrowser.fetch(browser, "GET", "api/v1/me");
            assertEquals("sso-admin", me.json().getString("user"));
            assertEquals(List.of("admin"), strings(me.json().getJsonArray("roles")));
            Answer policies = SsoBrowser.fetch(browser, "GET", "api/v1/retention/policies");
            assertEquals(200, policies.status(), policies.body());
            assertTrue(policies.body().contains("transcript"), policies.body());
            Answer verification = SsoBrowser.fetch(browser, "GET", "api/v1/audit/verification");
            assertEquals(200, verification.status(), verification.body());
            assertTrue(verification.json().containsKey("entries"), "the admin reads the chain check: " + verification.body());
        }
        assertEquals("admin", auditEntry(SsoSignIn.ACTION, "sso-admin", before).getString("role"));
    }

    @Test
    void signingOutEndsTheSessionHereAndAtKeycloak() {
        Instant before = Instant.now();
        try (Browser browser = Browser.open(console())) {
            SsoBrowser.signIn(browser, keycloak, "sso-agent2", "sso-agent2-test");
            SsoBrowser.signOut(browser);
            // Keycloak's end-session endpoint sends the browser back to the console's sign-in form
            browser.waitFor(By.id("user"));
            assertTrue(browser.driver.getCurrentUrl().startsWith(console() + "console/"), browser.driver.getCurrentUrl());
            assertEquals("", browser.driver.findElement(By.id("who")).getText());

            SsoBrowser.mark(browser);
            Answer me = SsoBrowser.fetch(browser, "GET", "api/v1/me");
            assertEquals(0, me.status(), "the old session signs nobody in: the server sends the browser to Keycloak");
            // and Keycloak's own session is over too: its login page, not a silent sign-in
            SsoBrowser.toKeycloakLogin(browser, keycloak);
        }
        JsonObject signOut = auditEntry(SsoSignOut.ACTION, "sso-agent2", before);
        assertEquals("console session through single sign-on ended", signOut.getString("detail"));
    }

    @Test
    void aTokenOfAnotherRealmGetsNothing() throws Exception {
        Api api = new Api(base);
        String own = clientToken("consentry", "consentry-probe-test-secret");
        Api.Reply accepted = api.send(api.request("api/v1/me", null).header("Authorization", "Bearer " + own));
        assertEquals(200, accepted.status(), "the same kind of token from the consentry realm: " + accepted.text());
        assertEquals("service-account-sso-probe", accepted.json().getString("user"));

        String foreign = clientToken("elsewhere", "elsewhere-probe-test-secret");
        Api.Reply refused = api.send(api.request("api/v1/retention/policies", null).header("Authorization", "Bearer " + foreign));
        assertEquals(401, refused.status(), "a token of the realm elsewhere, with an admin role in the same claim: " + refused.text());
        assertFalse(refused.text().contains("transcript"), refused.text());
    }

    @Test
    void aSessionOlderThanTheLimitIsRefused() throws Exception {
        try (Browser browser = Browser.open(console())) {
            SsoBrowser.signIn(browser, keycloak, "sso-agent1", "sso-agent1-test");
            Instant signedIn = Instant.now(); // Keycloak's auth_time is at most this
            assertEquals(200, SsoBrowser.fetch(browser, "GET", "api/v1/me").status());

            // waits for a clock, not for luck: past auth_time + the limit, the session is expired whatever else happens
            Thread.sleep(Duration.between(Instant.now(), signedIn.plus(SESSION_MAX).plusSeconds(2)).toMillis());
            Answer expired = SsoBrowser.fetch(browser, "GET", "api/v1/me");
            assertEquals(401, expired.status(), expired.body());
            JsonObject problem = expired.json();
            assertTrue(problem.getString("type").endsWith("session-expired"), expired.body());
            assertTrue(problem.getString("signOut").startsWith(keycloak.issuer("consentry") + "/protocol/openid-connect/logout?id_token_hint="),
                    "the way out ends Keycloak's session too: " + problem.getString("signOut"));
            assertFalse(expired.body().contains("sso-agent1"), expired.body());

            Answer after = SsoBrowser.fetch(browser, "GET", "api/v1/me");
            assertEquals(0, after.status(), "ended here: the next request goes to Keycloak, " + after.body());
        }
    }

    private String clientToken(String realm, String secret) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.issuer(realm) + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("sso-probe:" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(answer.body()))) {
            return reader.readObject().getString("access_token");
        }
    }

    /** The audit entry of the action by the user since {@code from}, read by an admin. */
    private JsonObject auditEntry(String action, String actor, Instant from) {
        Api.Reply events = new Api(base).get("api/v1/audit?limit=1000&from="
                + URLEncoder.encode(from.minusSeconds(1).toString(), StandardCharsets.UTF_8), Api.ADMIN);
        assertEquals(200, events.status(), events.text());
        return events.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(e -> action.equals(e.getString("action")) && actor.equals(e.getString("actor")))
                .findFirst().orElseThrow(() -> new AssertionError("no audit entry " + action + " by " + actor + ": " + events.text()));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString::getString);
    }
}
