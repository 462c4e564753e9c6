package org.consentry.escalation.adapter.botframework;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.SettingsCheck;

/**
 * The Bot Framework adapter, when an app id turns it on: its password must be set (replies need
 * Consentry's own token), service URLs must be allowed (else no reply could go out), and in production
 * neither plain HTTP nor an allowed prefix that is not HTTPS.
 */
@ApplicationScoped
public class BotFrameworkSettingsCheck implements SettingsCheck {

    private static final String PREFIX = BotFrameworkSettings.PREFIX;

    @Override
    public void check(Settings settings, boolean production) {
        if (settings.optional(PREFIX + "app-id").isEmpty()) {
            return;
        }
        if (settings.optional(PREFIX + "app-password").isEmpty()) {
            settings.problem(PREFIX + "app-password: not set, agent replies could not be delivered");
        }
        if (settings.list(PREFIX + "allowed-service-urls").isEmpty()) {
            settings.problem(PREFIX + "allowed-service-urls: empty, no conversation could be answered");
        }
        if (!production) {
            return;
        }
        if (settings.optional(PREFIX + "allow-http").filter(Boolean::parseBoolean).isPresent()) {
            settings.problem(PREFIX + "allow-http: true sends replies over plain HTTP");
        }
        if (settings.list(PREFIX + "allowed-service-urls").stream()
                .anyMatch(url -> !url.toLowerCase(Locale.ROOT).startsWith("https://"))) {
            settings.problem(PREFIX + "allowed-service-urls: a prefix that is not https");
        }
    }
}
