package org.consentry.escalation.desk.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.platform.control.StartupSettings;
import org.junit.jupiter.api.Test;

/** consentry.desk=chatwoot without its keys refuses to start, naming each key and never a value. */
class DeskSettingsCheckTest {

    private static String verify(Map<String, String> config) {
        return StartupSettings.verify(key -> Optional.ofNullable(config.get(key)), List.of(new DeskSettingsCheck()));
    }

    @Test
    void consentrysOwnDeskNeedsNothing() {
        assertEquals("production", verify(new HashMap<>()));
    }

    @Test
    void chatwootWithoutItsKeysRefusesToStartNamingEach() {
        Map<String, String> config = new HashMap<>(Map.of("consentry.desk", "chatwoot"));
        String refused = assertThrows(IllegalStateException.class, () -> verify(config)).getMessage();
        for (String key : List.of("url", "secret", "account-id", "inbox-id", "webhook-token", "reveal-base-url")) {
            assertTrue(refused.contains("consentry.desk.chatwoot." + key), key + " not named in: " + refused);
        }
    }

    @Test
    void chatwootWithEveryKeyStartsAndRefusesWeakOnes() {
        Map<String, String> config = new HashMap<>(Map.of("consentry.desk", "chatwoot",
                "consentry.desk.chatwoot.url", "https://chatwoot.example.com", "consentry.desk.chatwoot.secret", "token-value",
                "consentry.desk.chatwoot.account-id", "7", "consentry.desk.chatwoot.inbox-id", "3",
                "consentry.desk.chatwoot.webhook-token", "A".repeat(40),
                "consentry.desk.chatwoot.reveal-base-url", "https://consentry.example.com"));
        assertEquals("production", verify(config));

        config.put("consentry.desk.chatwoot.webhook-token", "short-token");
        config.put("consentry.desk.chatwoot.url", "http://chatwoot.example.com");
        config.put("consentry.desk.chatwoot.inbox-id", "three");
        String refused = assertThrows(IllegalStateException.class, () -> verify(config)).getMessage();
        assertTrue(refused.contains("consentry.desk.chatwoot.webhook-token: at least 32"), refused);
        assertTrue(refused.contains("consentry.desk.chatwoot.url: must be https in production"), refused);
        assertTrue(refused.contains("consentry.desk.chatwoot.inbox-id: must be a positive integer"), refused);
        assertFalse(refused.contains("short-token") || refused.contains("token-value"), "names keys, never values: " + refused);

        config.put("consentry.desk", "zendesk");
        assertTrue(assertThrows(IllegalStateException.class, () -> verify(config)).getMessage()
                .contains("consentry.desk: 'zendesk' is neither consentry nor chatwoot"));
    }
}
