package org.consentry.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The platform's settings: the development users' passwords and the development database password of
 * this repository's server.xml, and the MP JWT audience, which production must have.
 */
@ApplicationScoped
public class PlatformSettingsCheck implements SettingsCheck {

    /** The development users of src/main/liberty/config/server.xml; each password defaults to {@code <user>-dev}. */
    static final List<String> DEV_USERS = List.of("bot", "agent1", "agent2", "admin", "crm", "helpdesk");

    @Override
    public void check(Settings settings, boolean production) {
        if (!production) {
            return;
        }
        for (String user : DEV_USERS) {
            String key = "consentry.users." + user + ".password";
            if (settings.optional(key).filter(v -> v.equals(user + "-dev")).isPresent()) {
                settings.problem(key + ": the shipped development password");
            }
        }
        if (settings.optional("db.password").filter(v -> v.equals("consentry-dev")).isPresent()) {
            settings.problem("db.password: the shipped development database password");
        }
        if (settings.optional("mp.jwt.verify.audiences").isEmpty()) {
            settings.problem("mp.jwt.verify.audiences: not set, any token of the issuer would be taken for Consentry");
        }
    }
}
