package org.consentry.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.consentry.audit.control.AuthAbuse;
import org.junit.jupiter.api.Test;

/** An alert fits the outbox's reference, comes back as the documented body, and the webhook's settings fail closed. */
class SecurityAlertBodiesTest {

    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void anAlertSurvivesTheOutboxAsTheDocumentedBody() {
        AuthAbuse abuse = new AuthAbuse("password", "client", "u_" + "A".repeat(16), "a_" + "b-_9".repeat(4), 20,
                Duration.ofMinutes(15), Instant.parse("2026-12-07T20:00:00Z"));
        String reference = SecurityAlertBodies.reference(abuse);
        assertTrue(reference.length() <= 128, reference);
        JsonObject body = Json.createReader(new StringReader(SecurityAlertBodies.body(reference))).readObject();
        assertEquals("security.auth-abuse", body.getString("type"));
        assertEquals("2026-12-07T20:00:00Z", body.getString("timestamp"));
        JsonObject data = body.getJsonObject("data");
        assertEquals("password", data.getString("kind"));
        assertEquals("client", data.getString("threshold"));
        assertEquals(abuse.clientRef(), data.getString("client"));
        assertEquals(abuse.addressRef(), data.getString("address"));
        assertEquals(20, data.getInt("count"));
        assertEquals("PT15M", data.getString("window"));
        assertEquals(6, data.size());
    }

    @Test
    void aReferenceThatIsNoAlertIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SecurityAlertBodies.body("auth-abuse|password|client|jan|a_x|1|1|1"));
        assertThrows(IllegalArgumentException.class, () -> SecurityAlertBodies.body("subject-123"));
    }

    @Test
    void theWebhookIsHttpsAndSignedOrTheStartFails() {
        assertEquals(Optional.empty(), AlertWebhook.read(config(Map.of()), true));
        assertEquals("https://siem.example/hook", AlertWebhook.read(config(Map.of("url", "https://siem.example/hook",
                "secret", SECRET)), true).orElseThrow().url().toString());
        assertMessage("consentry.alerts.webhook.secret is not set", Map.of("url", "https://siem.example/hook"), true);
        assertMessage("consentry.alerts.webhook.url must be an absolute https URL",
                Map.of("url", "http://siem.example/hook", "secret", SECRET), false);
        assertMessage("consentry.alerts.webhook.allow-http: true",
                Map.of("url", "http://siem.example/hook", "secret", SECRET, "allow-http", "true"), true);
        assertMessage("consentry.alerts.webhook.secret must be a Standard Webhooks secret",
                Map.of("url", "https://siem.example/hook", "secret", "passphrase"), true);
        assertEquals("http", AlertWebhook.read(config(Map.of("url", "http://localhost:1/hook", "secret", SECRET,
                "allow-http", "true")), false).orElseThrow().url().getScheme());
    }

    private static java.util.function.Function<String, Optional<String>> config(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key.substring("consentry.alerts.webhook.".length())));
    }

    private static void assertMessage(String start, Map<String, String> values, boolean production) {
        String message = assertThrows(IllegalStateException.class, () -> AlertWebhook.read(config(values), production)).getMessage();
        assertTrue(message.startsWith(start), message);
        values.values().forEach(v -> assertTrue(!message.contains(v) || v.equals("true"), "no value in " + message));
    }
}
