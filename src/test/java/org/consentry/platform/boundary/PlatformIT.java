package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the packaged application offers beside its API: health, the OpenAPI document, TLS, uniform errors. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void readinessReportsTheSchemaVersionOfTheNewestMigration() throws IOException {
        var reply = new Api(base).get("health/ready", Api.ANONYMOUS);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"));
        JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        assertEquals(newestMigration(), database.getJsonObject("data").getString("schemaVersion"));
        assertEquals(200, new Api(base).get("health/live", Api.ANONYMOUS).status());
    }

    @Test
    void everyOperationNamesItsRolesAndProblems() {
        var reply = new Api(base).get("openapi?format=JSON", Api.ANONYMOUS);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject paths = reply.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/v1/subjects/{subjectId}/consents/{purpose}"), paths.keySet()::toString);
        int operations = 0;
        for (String path : paths.keySet()) {
            for (var entry : paths.getJsonObject(path).entrySet()) {
                if (!(entry.getValue() instanceof JsonObject operation) || !operation.containsKey("responses")) {
                    continue;
                }
                operations++;
                String where = entry.getKey().toUpperCase() + " " + path;
                assertTrue(operation.containsKey("x-roles"), where + " has no x-roles");
                List<String> roles = operation.getJsonArray("x-roles").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
                assertFalse(roles.contains("undeclared"), where + " declares neither @RolesAllowed nor @PermitAll");
                JsonObject responses = operation.getJsonObject("responses");
                assertTrue(responses.containsKey("500"), where);
                if (path.equals("/api/v1/privacy-notice")) {
                    assertEquals(List.of("public"), roles);
                    assertEquals(0, operation.getJsonArray("security").size(), "the notice needs no login");
                } else {
                    assertFalse(roles.contains("public"), where + " must not be public");
                    // a bot platform's own authentication (x-roles [platform]) is refused with 401; no role to lack
                    for (String status : roles.equals(List.of("platform")) ? new String[] {"401"} : new String[] {"401", "403"}) {
                        assertTrue(responses.getJsonObject(status).getJsonObject("content").containsKey("application/problem+json"),
                                where + " " + status);
                    }
                    assertTrue(operation.getString("description").contains(roles.equals(List.of("platform"))
                            ? "Authentication: the platform's own" : "Roles: "), where);
                }
            }
        }
        assertTrue(operations >= 4, "operations documented: " + operations);
        var grant = paths.getJsonObject("/api/v1/subjects/{subjectId}/consents/{purpose}").getJsonObject("put");
        assertEquals(List.of("bot", "admin"), grant.getJsonArray("x-roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertTrue(grant.getJsonObject("responses").containsKey("413"));
        assertTrue(grant.getJsonObject("responses").containsKey("415"));
        assertTrue(reply.json().getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
    }

    /** Every operation only admins may call, called by nobody, the bot and an agent: 401, 403, 403. */
    @Test
    @Proves(Duty.GDPR_32)
    void everyAdminOperationRefusesEveryoneElse() {
        Api api = new Api(base);
        JsonObject paths = api.get("openapi?format=JSON", Api.ANONYMOUS).json().getJsonObject("paths");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String path : paths.keySet()) {
            String concrete = path.substring(1).replace("{subjectId}", "cust-matrix").replace("{category}", "transcript")
                    .replace("{purpose}", "crm-sync").replaceAll("\\{[A-Za-z]+}", "00000000-0000-0000-0000-000000000000");
            for (var entry : paths.getJsonObject(path).entrySet()) {
                if (!(entry.getValue() instanceof JsonObject operation) || !operation.containsKey("x-roles")
                        || !operation.getJsonArray("x-roles").getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString).toList().equals(List.of("admin"))) {
                    continue;
                }
                checked++;
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                for (var caller : Map.of("nobody", 401, "bot", 403, "agent", 403, "crm", 403).entrySet()) {
                    String user = switch (caller.getKey()) {
                        case "bot" -> Api.BOT;
                        case "agent" -> Api.AGENT1;
                        case "crm" -> Api.CRM;
                        default -> Api.ANONYMOUS;
                    };
                    var request = api.request(concrete, user).header("Content-Type", "application/json")
                            .method(method, method.equals("GET") || method.equals("DELETE")
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString("{}"));
                    int status = api.send(request).status();
                    if (status != caller.getValue()) {
                        mismatches.add(method + " " + path + " as " + caller.getKey() + ": " + status);
                    }
                }
            }
        }
        assertTrue(checked >= 15, "admin operations checked: " + checked);
        assertEquals(List.of(), mismatches);
    }

    @Test
    @Proves(Duty.GDPR_32)
    void theConsoleIsServedUnderAStrictContentSecurityPolicy() {
        Api.Reply page = new Api(base).get("console/", Api.ANONYMOUS);
        assertEquals(200, page.status());
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
                && policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe"), "no inline script or style, no eval");
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-store", new Api(base).get("api/v1/me", Api.ADMIN).header("Cache-Control"),
                "API answers are never stored by a browser");
        var me = new Api(base).get("api/v1/me", Api.AGENT1).json();
        assertEquals("agent1", me.getString("user"));
        assertEquals(List.of("agent"), me.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }

    @Test
    @Proves(Duty.GDPR_32)
    void aStateChangingRequestFromAnotherSiteIsRefused() {
        Api api = new Api(base);
        for (var header : Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site").entrySet()) {
            Api.Reply refused = api.send(api.request("api/v1/subjects/cust-csrf/consents/crm-sync", Api.ADMIN)
                    .header(header.getKey(), header.getValue()).DELETE());
            assertEquals(403, refused.status(), header + ": " + refused);
            assertTrue(refused.problem().getString("type").endsWith("cross-site-request"));
        }
        String self = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        Api.Reply sameSite = api.send(api.request("api/v1/subjects/cust-csrf/consents/crm-sync", Api.ADMIN)
                .header("Origin", self).header("Sec-Fetch-Site", "same-origin").DELETE());
        assertEquals(204, sameSite.status(), sameSite::toString);
        assertEquals(200, api.send(api.request("api/v1/me", Api.ADMIN).header("Origin", "https://evil.example").GET()).status(),
                "reading is not refused (CORS keeps the answer from the other site)");
    }

    @Test
    void unknownPathsAnswerWithProblems() {
        Api api = new Api(base);
        var inApi = api.get("api/v1/no-such-thing", Api.ADMIN);
        assertEquals(404, inApi.status());
        assertTrue(inApi.problem().getString("type").endsWith("/not-found"));
        var outside = api.get("no-such-page", Api.ANONYMOUS);
        assertEquals(404, outside.status());
        outside.problem();
    }

    @Test
    @Proves(Duty.GDPR_32)
    void metricsAreServedOverTlsToAdminsOnly() throws Exception {
        var plain = new Api(base).get("metrics", Api.ANONYMOUS);
        assertEquals(302, plain.status());
        assertTrue(plain.header("Location").startsWith("https://"), plain.header("Location"));
        assertEquals(401, https("metrics", null).statusCode());
        assertEquals(403, https("metrics", Api.AGENT1).statusCode());
        HttpResponse<String> admin = https("metrics", Api.ADMIN);
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("jvm_") || admin.body().contains("base_"), admin.body().substring(0, 200));
    }

    @Test
    @Proves(Duty.GDPR_25)
    void theDiagnosticsEndpointsAreOffByDefault() {
        for (String path : List.of("api/v1/diagnostics/echo", "api/v1/diagnostics/insert")) {
            var reply = new Api(base).post(path, Api.BOT, "{\"text\":\"ping\"}");
            assertEquals(404, reply.status(), reply::toString);
            assertEquals(404, reply.problem().getInt("status"));
        }
    }

    @Test
    @Proves(Duty.GDPR_32)
    void theApiAnswersOverTls() throws Exception {
        HttpResponse<String> response = https("api/v1/privacy-notice?lang=en", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("aiDisclosure"));
        String protocol = response.sslSession().orElseThrow().getProtocol();
        assertTrue(protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2"), protocol);
        X509Certificate certificate = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertTrue(certificate.getPublicKey().getAlgorithm().matches("RSA|EC"), certificate.getPublicKey().getAlgorithm());
    }

    private static HttpResponse<String> https(String path, String user) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustDevCertificate()}, null);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + System.getProperty("it.https.port", "19443") + "/" + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(user.getBytes()));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String newestMigration() throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
            // V16__x.sql is version 16, V16_2__y.sql version 16.2 (Flyway's reading): compared part by part
            return scripts.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+(_\\d+)*__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .max(Comparator.comparing(PlatformIT::versionParts, PlatformIT::compareParts)).orElseThrow();
        }
    }

    private static List<Integer> versionParts(String version) {
        return Stream.of(version.split("\\.")).map(Integer::valueOf).toList();
    }

    private static int compareParts(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int diff = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }

    /**
     * The test server's certificate is the self-signed one Liberty generated at its first start; this
     * test proves TLS is served, not who serves it.
     */
    private static final class TrustDevCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
