package org.consentry.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Metrics;
import org.consentry.testing.StandIn;
import org.consentry.testing.Tokens;
import org.consentry.testing.WebhookReceiver;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17, item 5: refused credentials are counted by kind, client and address with bounded tags; the
 * refusal that crosses a threshold (per client: 3, per address: 10, in a window drawn for each run so that
 * the buckets a former run left in the Derby database under target/ do not count) is audited with keyed
 * hashes, and announced to the alert webhook, signed, with no personal data in it; refusals below the
 * threshold, and the flood after it, leave no audit entry.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthAbuseAlertIT {

    static final int CLIENT_REFUSALS = 3;
    static final int ADDRESS_REFUSALS = 10;
    static final String SECRET = secret();
    static final StandIn RECEIVER = new StandIn().up();
    static final Pattern REF = Pattern.compile("client ([uc]_[A-Za-z0-9_-]{16}) from address (a_[A-Za-z0-9_-]{16})");

    @Deployment(testable = false)
    static WebArchive deployment() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Deployments.application(Tokens.serverConfig()
                + "consentry.alerts.auth-abuse.client-refusals=" + CLIENT_REFUSALS + "\n"
                + "consentry.alerts.auth-abuse.address-refusals=" + ADDRESS_REFUSALS + "\n"
                + "consentry.alerts.auth-abuse.window=PT" + random.nextInt(3_600, 7_200) + "S\n"
                + "consentry.metrics.auth-refusals.max-clients=3\n"
                + "consentry.alerts.webhook.url=" + RECEIVER.url("/alerts") + "\n"
                + "consentry.alerts.webhook.secret=" + SECRET + "\n"
                + "consentry.alerts.webhook.allow-http=true\n"
                + "consentry.sign-in.window=PT" + random.nextInt(3_600, 7_200) + "S\n"
                + "consentry.sign-in.daily-factor=" + random.nextInt(1_000, 100_000) + "\n");
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @Test
    void wrongPasswordsAndRefusedTokensPastTheThresholdAreAuditedAndAlertedWithoutPersonalData() throws Exception {
        Api api = new Api(base);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String before = Metrics.scrape();
        String path = "api/v1/subjects/abuse-" + UUID.randomUUID() + "/consents";
        String name = "abuser" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String client = "bot-" + UUID.randomUUID().toString().substring(0, 8);
        KeyPair forger = Tokens.rsa();

        // below the client threshold: counted, not audited
        for (int i = 1; i < CLIENT_REFUSALS; i++) {
            assertEquals(401, api.get(path, name + ":guess-" + i).status());
        }
        assertEquals(List.of(), abuses(api, start), "below the threshold nothing is audited");
        // the third wrong password for the name crosses the client threshold (refusal 3 of the address)
        assertEquals(401, api.get(path, name + ":guess-" + CLIENT_REFUSALS).status());
        // a forged token, an expired one, a forged one, all claiming the same client: the third crosses (6 of the address)
        assertEquals(401, bearer(api, path, token(forger, client, 300)).status());
        assertEquals(401, bearer(api, path, token(Tokens.TRUSTED, client, -900)).status());
        assertEquals(401, bearer(api, path, token(forger, client, 300)).status());
        // four more clients, one refusal each: the address's tenth crosses its threshold
        List<String> sprayed = List.of("spray-1", "spray-2", "spray-3", "spray-4");
        for (String other : sprayed) {
            assertEquals(401, bearer(api, path, token(forger, other + "-" + client, 300)).status());
        }
        // a flood past the thresholds: counted, not audited again
        for (int i = 0; i < 5; i++) {
            assertEquals(401, bearer(api, path, token(forger, "flood-" + i + "-" + client, 300)).status());
        }

        List<JsonObject> abuses = abuses(api, start);
        assertEquals(3, abuses.size(), () -> "the name's, the client's and the address's crossing, nothing more: " + abuses);
        List<String> details = abuses.stream().map(e -> e.getString("detail")).toList();
        for (JsonObject abuse : abuses) {
            assertEquals("system:auth-watch", abuse.getString("actor"));
            assertEquals("DENIED", abuse.getString("outcome"));
        }
        String passwordAbuse = only(details, "password refusals past the client threshold: 3 in ");
        String tokenAbuse = only(details, "token refusals past the client threshold: 3 in ");
        String addressAbuse = only(details, "token refusals past the address threshold: 10 in ");
        Matcher user = ref(passwordAbuse);
        Matcher claimed = ref(tokenAbuse);
        Matcher address = ref(addressAbuse);
        assertTrue(user.group(1).startsWith("u_") && claimed.group(1).startsWith("c_"), details::toString);
        assertEquals(user.group(2), address.group(2), "one address, one hash: " + details);
        assertEquals(claimed.group(2), address.group(2), details::toString);
        for (String detail : details) {
            assertNoPersonalData(detail, name, client);
        }

        // the alert webhook: three signed alerts, one per crossing, no personal data
        List<StandIn.Request> alerts = RECEIVER.await(3, 30_000);
        assertEquals(3, alerts.size(), () -> "alerts received: " + alerts);
        WebhookReceiver verifier = new WebhookReceiver(SECRET);
        long now = Instant.now().getEpochSecond();
        Set<String> seen = alerts.stream().map(alert -> {
            assertTrue(verifier.verifies(alert, now), () -> "signature of " + alert);
            assertEquals("/alerts", alert.path());
            assertNoPersonalData(alert.body(), name, client);
            JsonObject body = Json.createReader(new StringReader(alert.body())).readObject();
            assertEquals("security.auth-abuse", body.getString("type"));
            assertTrue(Instant.parse(body.getString("timestamp")).isAfter(start.minusSeconds(1)), alert::body);
            JsonObject data = body.getJsonObject("data");
            assertEquals(Set.of("kind", "threshold", "client", "address", "count", "window"), data.keySet(), alert::body);
            assertEquals(address.group(2), data.getString("address"), alert::body);
            return data.getString("kind") + "/" + data.getString("threshold") + "/" + data.getString("client") + "/" + data.getInt("count");
        }).collect(Collectors.toSet());
        assertEquals(Set.of("password/client/" + user.group(1) + "/3", "token/client/" + claimed.group(1) + "/3",
                "token/address/" + address.group(1) + "/10"), seen);
        assertEquals(3, alerts.stream().map(a -> a.header("webhook-id")).distinct().count(), "one delivery per alert");
        // the admin's view of the alert deliveries: the three, delivered, their ids the webhook-ids
        Set<String> ids = alerts.stream().map(a -> a.header("webhook-id")).collect(Collectors.toSet());
        Eventually.until("the three alerts recorded as delivered", Duration.ofSeconds(20), () -> ids.equals(
                delivered(api).stream().map(d -> d.getString("id")).filter(ids::contains).collect(Collectors.toSet())));
        for (JsonObject delivery : delivered(api)) {
            assertEquals("alerts.security", delivery.getString("kind"), delivery::toString);
            assertEquals("alerts", delivery.getString("recipient"), delivery::toString);
            assertNoPersonalData(delivery.toString(), name, client);
        }
        assertEquals(403, api.get("api/v1/alerts/deliveries", Api.AGENT1).status(), "for admins only");

        // the metrics: by kind, by capped client tag, by hashed address
        String after = Metrics.scrape();
        assertEquals(3, delta(before, after, "consentry_auth_refusals_total", "kind=\"password\""), after);
        assertEquals(12, delta(before, after, "consentry_auth_refusals_total", "kind=\"token\""), after);
        String userTag = user.group(1).substring(0, 10);
        assertEquals(3, delta(before, after, "consentry_auth_refusals_by_client_total", "client=\"" + userTag + "\""), after);
        assertEquals(3, delta(before, after, "consentry_auth_refusals_by_client_total", "client=\"" + client + "\""), after);
        assertEquals(1, delta(before, after, "consentry_auth_refusals_by_client_total", "client=\"spray-1-" + client + "\""), after);
        assertEquals(8, delta(before, after, "consentry_auth_refusals_by_client_total", "client=\"other\""),
                "the cap of 3 client values: the later ones count as other: " + after);
        assertEquals(15, delta(before, after, "consentry_auth_refusals_by_address_total",
                "address=\"" + address.group(2).substring(0, 10) + "\""), after);
        assertEquals(1, delta(before, after, "consentry_auth_abuse_total", "kind=\"password\"", "threshold=\"client\""), after);
        assertEquals(1, delta(before, after, "consentry_auth_abuse_total", "kind=\"token\"", "threshold=\"client\""), after);
        assertEquals(1, delta(before, after, "consentry_auth_abuse_total", "kind=\"token\"", "threshold=\"address\""), after);
        assertNoPersonalData(after, name, "spray-2");
    }

    private static void assertNoPersonalData(String text, String... values) {
        for (String value : values) {
            assertFalse(text.contains(value), () -> value + " in " + text);
        }
        for (String address : List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1", "localhost", "guess-")) {
            assertFalse(text.contains(address), () -> address + " in " + text);
        }
    }

    private static String only(List<String> details, String start) {
        List<String> found = details.stream().filter(d -> d.startsWith(start)).toList();
        assertEquals(1, found.size(), () -> start + " in " + details);
        return found.get(0);
    }

    private static Matcher ref(String detail) {
        Matcher m = REF.matcher(detail);
        assertTrue(m.find(), detail);
        return m;
    }

    private static List<JsonObject> abuses(Api api, Instant from) {
        var audit = api.send(api.request("api/v1/audit?from=" + from + "&limit=1000", Api.ANONYMOUS)
                .header("Authorization", "Bearer " + Tokens.token("dpo-abuse", "admin")).GET());
        assertEquals(200, audit.status(), audit::toString);
        return audit.structure().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("action").equals("auth.abuse")).toList();
    }

    private static List<JsonObject> delivered(Api api) {
        var reply = api.get("api/v1/alerts/deliveries?status=DELIVERED", Api.ADMIN);
        assertEquals(200, reply.status(), reply::toString);
        return reply.structure().asJsonArray().stream().map(v -> v.asJsonObject()).toList();
    }

    private static Api.Reply bearer(Api api, String path, String token) {
        return api.send(api.request(path, Api.ANONYMOUS).header("Authorization", "Bearer " + token).GET());
    }

    /** A token of the trusted issuer for Consentry's audience, signed by {@code keys}, claiming {@code client} as azp. */
    private static String token(KeyPair keys, String client, long secondsValid) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(Tokens.ISSUER).subject("svc-" + client).claim("upn", "svc-" + client)
                .audience(Tokens.AUDIENCE).claim(Tokens.ROLES_CLAIM, List.of("bot")).claim("azp", client)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now.minusSeconds(1_200)))
                .expirationTime(Date.from(now.plusSeconds(secondsValid))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static double delta(String before, String after, String name, String... labels) {
        return Metrics.value(after, name, labels) - Metrics.value(before, name, labels);
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels} (0 when there is none). */

}
