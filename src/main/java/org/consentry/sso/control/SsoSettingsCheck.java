package org.consentry.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.SettingsCheck;

/**
 * Single sign-on's settings, checked at start when it is on (sso-oidc.xml included): a session limit
 * that parses and is within its bounds; in production also the client's secret, TLS to the provider, and
 * the provider's end-session endpoint (without it, signing out would end the console's session only, and
 * the next sign-in would pass silently at the provider).
 */
@ApplicationScoped
public class SsoSettingsCheck implements SettingsCheck {

    @Override
    public void check(Settings settings, boolean production) {
        if (!"true".equals(settings.optional("consentry.sso.enabled").orElse("false"))) {
            return;
        }
        settings.optional("consentry.sso.session-max").ifPresent(value -> {
            try {
                SsoSettings.bounded(Duration.parse(value));
            } catch (DateTimeParseException | IllegalStateException e) {
                settings.problem("consentry.sso.session-max: not a duration between " + SsoSettings.SHORTEST + " and "
                        + SsoSettings.LONGEST);
            }
        });
        Optional<String> endSession = settings.optional("consentry.sso.end-session-url");
        endSession.filter(url -> !url.startsWith("https://") && (production || !url.startsWith("http://")))
                .ifPresent(url -> settings.problem("consentry.sso.end-session-url: not an https URL"));
        if (!production) {
            return;
        }
        if (settings.optional("consentry.sso.client-secret").isEmpty()) {
            settings.problem("consentry.sso.client-secret: not set while single sign-on is on");
        }
        if (endSession.isEmpty()) {
            settings.problem("consentry.sso.end-session-url: not set: signing out would not end the session at the provider");
        }
        if ("false".equalsIgnoreCase(settings.optional("consentry.sso.https-required").orElse("true"))) {
            settings.problem("consentry.sso.https-required: false, which only a test provider on loopback may be");
        }
    }
}
