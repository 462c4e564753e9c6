package org.consentry.escalation.adapter.botframework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.platform.control.Settings;
import org.junit.jupiter.api.Test;

/** The adapter's start-up check: off without an app id; with one, a password and HTTPS service URLs in production. */
class BotFrameworkSettingsCheckTest {

    static final String P = BotFrameworkSettings.PREFIX;

    @Test
    void offWithoutAnAppIdAndStrictWithOne() {
        assertEquals(List.of(), problems(Map.of(), true));
        assertEquals(List.of("app-password", "allowed-service-urls"), problems(Map.of(P + "app-id", "app"), false));
        Map<String, String> production = new HashMap<>(Map.of(P + "app-id", "app", P + "app-password", "secret",
                P + "allowed-service-urls", "https://smba.trafficmanager.net/,http://localhost:1/", P + "allow-http", "true"));
        assertEquals(List.of("allow-http", "allowed-service-urls"), problems(production, true));
        production.put(P + "allowed-service-urls", "https://smba.trafficmanager.net/");
        production.remove(P + "allow-http");
        assertEquals(List.of(), problems(production, true));
    }

    /** The keys the check names, in order. */
    private static List<String> problems(Map<String, String> config, boolean production) {
        Settings settings = new Settings(key -> Optional.ofNullable(config.get(key)));
        new BotFrameworkSettingsCheck().check(settings, production);
        try {
            settings.verify("test");
            return List.of();
        } catch (IllegalStateException e) {
            return java.util.Arrays.stream(e.getMessage().substring(e.getMessage().indexOf(':') + 1).split(";"))
                    .map(p -> p.strip().substring(P.length(), p.strip().indexOf(':'))).toList();
        }
    }
}
