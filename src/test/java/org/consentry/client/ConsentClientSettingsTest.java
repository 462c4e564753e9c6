package org.consentry.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A host that adds the jar without its keys does not start: the message names the key, never a value. */
class ConsentClientSettingsTest {

    final Map<String, String> keys = new HashMap<>(Map.of(
            "consentry.client.url", "https://consentry.example.com/",
            "consentry.client.user", "helpdesk",
            "consentry.client.password", "s3cret-helpdesk",
            "consentry.client.webhook-secret", "whsec_Y29uc2VudHJ5LWhvc3QtdGVzdC1zZWNyZXQtMDEyMzQ1"));

    String problem() {
        return assertThrows(IllegalStateException.class, () -> ConsentClient.check(k -> Optional.ofNullable(keys.get(k)))).getMessage();
    }

    @Test
    void aCompleteConfigurationPasses() {
        assertDoesNotThrow(() -> ConsentClient.check(k -> Optional.ofNullable(keys.get(k))));
        keys.remove("consentry.client.user");
        keys.remove("consentry.client.password");
        keys.put("consentry.client.token", "eyJ...");
        assertDoesNotThrow(() -> ConsentClient.check(k -> Optional.ofNullable(keys.get(k))), "a token instead of a password");
    }

    @Test
    void eachMissingOrMalformedKeyIsNamed() {
        keys.remove("consentry.client.url");
        assertEquals("consentry.client.url is not set: the client jar needs Consentry's URL and the secret of its consent"
                + " notices (docs/host-integration-guide.md)", problem());
        keys.put("consentry.client.url", "consentry.example.com");
        assertEquals("consentry.client.url is not an absolute URL", problem());
        keys.put("consentry.client.url", "https://consentry.example.com/");
        keys.remove("consentry.client.password");
        assertEquals("consentry.client.user and .password (or .token) are not set: the host's identity in Consentry (role host)",
                problem());
        keys.put("consentry.client.password", "s3cret-helpdesk");
        keys.put("consentry.client.webhook-secret", "plain-s3cret");
        String malformed = problem();
        assertFalse(malformed.contains("plain-s3cret"), malformed);
    }
}
