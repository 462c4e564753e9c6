package org.consentry.escalation.desk.chatwoot;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.SettingsCheck;

/**
 * consentry.desk is consentry or chatwoot; with chatwoot, every key Chatwoot needs is there before the start
 * (the access token and the webhook token have no default: each deployment sets its own), numbers are
 * numbers, URLs are absolute and, in production, https; the webhook token is long enough not to be guessed.
 */
@ApplicationScoped
public class DeskSettingsCheck implements SettingsCheck {

    static final int MIN_TOKEN = 32;

    @Override
    public void check(Settings settings, boolean production) {
        String desk = settings.optional(DeskSettings.DESK).orElse("consentry");
        if (!desk.equals("consentry") && !desk.equals("chatwoot")) {
            settings.problem(DeskSettings.DESK + ": '" + desk + "' is neither consentry nor chatwoot");
            return;
        }
        if (desk.equals("consentry")) {
            return;
        }
        url(settings, DeskSettings.URL, production);
        url(settings, DeskSettings.REVEAL, production);
        settings.required(DeskSettings.SECRET);
        number(settings, DeskSettings.ACCOUNT);
        number(settings, DeskSettings.INBOX);
        String token = settings.required(DeskSettings.WEBHOOK_TOKEN);
        if (!token.isEmpty() && (token.length() < MIN_TOKEN || !token.matches("[A-Za-z0-9._~-]+"))) {
            settings.problem(DeskSettings.WEBHOOK_TOKEN + ": at least " + MIN_TOKEN
                    + " random URL-safe characters (A-Z a-z 0-9 . _ ~ -)");
        }
    }

    private static void url(Settings settings, String key, boolean production) {
        String value = settings.required(key);
        if (value.isEmpty()) {
            return;
        }
        Optional<URI> uri = parse(value);
        if (uri.isEmpty() || uri.get().getHost() == null
                || !(uri.get().getScheme().equals("https") || uri.get().getScheme().equals("http"))) {
            settings.problem(key + ": not an absolute http(s) URL");
        } else if (production && !uri.get().getScheme().equals("https")) {
            settings.problem(key + ": must be https in production");
        }
    }

    private static void number(Settings settings, String key) {
        String value = settings.required(key);
        if (!value.isEmpty() && !value.matches("[1-9]\\d{0,17}")) {
            settings.problem(key + ": must be a positive integer");
        }
    }

    private static Optional<URI> parse(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
