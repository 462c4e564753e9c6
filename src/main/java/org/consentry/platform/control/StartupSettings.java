package org.consentry.platform.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start while a setting fails open (security finding 2). The profile ({@code consentry.profile})
 * is {@code production} unless the deployment says {@code development}, as only this repository's
 * development server does: in production every development default (users' passwords, the callback
 * secret, plain HTTP, localhost as a callback host, a generated keystore, ...) stops the start, naming
 * each key at once; in both profiles a secret that a configured feature needs must be set. Runs before
 * any other start-up work (schema migration, keys, workers).
 */
@ApplicationScoped
public class StartupSettings {

    public static final String PROFILE = "consentry.profile";
    public static final String PRODUCTION = "production";
    private static final Logger LOG = Logger.getLogger(StartupSettings.class.getName());

    @Inject
    Config config;

    @Inject
    @Any
    Instance<SettingsCheck> checks;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object started) {
        String profile = verify(key -> config.getOptionalValue(key, String.class), checks);
        LOG.info(() -> "Settings checked for the " + profile + " profile");
    }

    /** The profile, after every check passed; otherwise an exception that names each offending key. */
    public static String verify(Function<String, Optional<String>> lookup, Iterable<? extends SettingsCheck> checks) {
        Settings settings = new Settings(lookup);
        String profile = settings.optional(PROFILE).orElse(PRODUCTION);
        if (!profile.equals(PRODUCTION) && !profile.equals("development")) {
            settings.problem(PROFILE + ": '" + profile + "' is neither production nor development");
            profile = PRODUCTION;
        }
        for (SettingsCheck check : checks) {
            check.check(settings, profile.equals(PRODUCTION));
        }
        settings.verify(profile + " profile");
        return profile;
    }
}
