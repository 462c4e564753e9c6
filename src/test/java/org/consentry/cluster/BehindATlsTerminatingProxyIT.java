package org.consentry.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Handoff;
import org.junit.jupiter.api.Test;

/**
 * Security review finding 9, "Behind a TLS-terminating proxy": nginx (scripts/cluster) takes HTTPS on
 * https://localhost:19183 and passes plain HTTP to the two servers, which know that address as their
 * public origin (consentry.http.public-origin in scripts/cluster/test.env). A console write from a page
 * of that origin, with the headers Chromium sends, is accepted; the same write from another site is
 * refused; headers that claim a forwarded scheme or host, sent by anyone, change nothing.
 */
class BehindATlsTerminatingProxyIT {

    static final String EVIL = "https://evil.example";

    final Api lb = Cluster.api(Cluster.NGINX);
    final Api tls = Cluster.tls();
    final Db db = Cluster.db();

    @Test
    void aConsoleWriteThroughTheTlsProxyFromThePublicOriginIsAccepted() throws SQLException {
        String id = waiting();
        Api.Reply claimed = tls.send(claim(tls, id, Map.of("Origin", Cluster.PUBLIC_ORIGIN, "Sec-Fetch-Site", "same-origin")));
        assertEquals(200, claimed.status(), claimed::toString);
        JsonObject body = claimed.json();
        assertEquals(List.of(id, "ASSIGNED", "agent1"),
                List.of(body.getString("id"), body.getString("status"), body.getString("agent")), claimed::toString);
        assertEquals("agent1", agent(id), "the claim is in the database");
    }

    @Test
    void aCrossSiteWriteThroughTheTlsProxyIsRefused() throws SQLException {
        String id = waiting();
        for (Map<String, String> crossSite : List.of(
                Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site"),
                Map.of("Origin", EVIL),
                Map.of("Origin", "null"),
                Map.of("Origin", "http://localhost:19183"),
                Map.of("Origin", Cluster.PUBLIC_ORIGIN + ".evil.example"),
                Map.of("Origin", Cluster.PUBLIC_ORIGIN, "Sec-Fetch-Site", "cross-site"))) {
            refused(tls.send(claim(tls, id, crossSite)), crossSite);
        }
        assertNull(agent(id), "no refused claim reached the database");
    }

    @Test
    void forwardedHeadersFromAnUntrustedAddressDoNotMakeACrossSiteWritePass() throws SQLException {
        String id = waiting();
        Api node = Cluster.api(Cluster.NODE1);
        Map<String, String> forged = Map.of("Origin", EVIL, "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "443", "Forwarded", "proto=https;host=evil.example");
        refused(node.send(claim(node, id, forged)), forged);
        refused(tls.send(claim(tls, id, forged)), forged);
        // a client straight at a server claims that its page was https on the server's host and port
        for (String scheme : List.of("X-Forwarded-Proto", "$WSSC")) {
            Map<String, String> https = Map.of("Origin", "https://localhost:19181", scheme, "https");
            refused(node.send(claim(node, id, https)), https);
        }
        // through nginx, a Host of another site (as after a DNS rebinding) and that site's Origin
        String[] reply = Cluster.run(Duration.ofSeconds(30), "curl", "-s", "--cacert", Cluster.NGINX_CERTIFICATE.toString(),
                "-u", Api.AGENT1, "-X", "POST", "-H", "Host: evil.example:19183", "-H", "Origin: https://evil.example:19183",
                "-w", "\n%{http_code}", Cluster.NGINX_TLS + "api/v1/escalations/" + id + "/claim").split("\n");
        assertEquals("403", reply[reply.length - 1], String.join("\n", reply));
        assertTrue(reply[0].contains("cross-site-request"), reply[0]);
        assertNull(agent(id), "no refused claim reached the database");
    }

    /** A chat waiting in the queue, handed over by the bot (no browser: no Origin). */
    private String waiting() {
        return new Handoff().withConsent().handOff(lb);
    }

    private static HttpRequest.Builder claim(Api api, String id, Map<String, String> headers) {
        HttpRequest.Builder request = api.request("api/v1/escalations/" + id + "/claim", Api.AGENT1)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(""));
        headers.forEach(request::header);
        return request;
    }

    private static void refused(Api.Reply reply, Map<String, String> headers) {
        assertEquals(403, reply.status(), headers + ": " + reply);
        assertTrue(reply.problem().getString("type").endsWith("/cross-site-request"), headers + ": " + reply);
    }

    private Object agent(String id) throws SQLException {
        return db.rows("SELECT agent FROM escalation WHERE id = ?", id).get(0).get("agent");
    }
}
