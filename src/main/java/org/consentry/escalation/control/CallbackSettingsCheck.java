package org.consentry.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.SettingsCheck;

/**
 * The bot callbacks: signed with a secret that must be set (callbacks are always possible, a bot names
 * its URL at handoff), and in production neither the development secret, nor plain HTTP, nor a
 * loopback host among the hosts a callback may name.
 */
@ApplicationScoped
public class CallbackSettingsCheck implements SettingsCheck {

    static final String DEV_SECRET = "whsec_Y29uc2VudHJ5LWRldi1jYWxsYmFjay1ub3QtZm9yLXByb2R1Y3Rpb24=";
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    @Override
    public void check(Settings settings, boolean production) {
        var secret = settings.optional("consentry.callback.secret");
        if (secret.isEmpty()) {
            settings.problem("consentry.callback.secret: not set, agent replies could not be delivered");
        }
        if (!production) {
            return;
        }
        if (secret.filter(DEV_SECRET::equals).isPresent()) {
            settings.problem("consentry.callback.secret: the shipped development secret");
        }
        if (settings.optional("consentry.callback.allow-http").filter(Boolean::parseBoolean).isPresent()) {
            settings.problem("consentry.callback.allow-http: true sends replies over plain HTTP");
        }
        if (settings.list("consentry.callback.allowed-hosts").stream()
                .anyMatch(host -> LOOPBACK.contains(host.toLowerCase(Locale.ROOT)))) {
            settings.problem("consentry.callback.allowed-hosts: names a loopback host (the shipped default is localhost)");
        }
    }
}
