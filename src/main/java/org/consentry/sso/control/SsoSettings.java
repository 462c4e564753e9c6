package org.consentry.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single sign-on as configured: on only where the server includes sso-oidc.xml (which sets the Liberty
 * variable consentry.sso.enabled, seen here through MicroProfile Config).
 */
@ApplicationScoped
public class SsoSettings {

    static final Duration SHORTEST = Duration.ofSeconds(10);
    static final Duration LONGEST = Duration.ofDays(1);

    @Inject
    @ConfigProperty(name = "consentry.sso.enabled", defaultValue = "false")
    boolean enabled;

    /** The provider's end_session_endpoint (RP-initiated logout); without it sign-out is local only. */
    @Inject
    @ConfigProperty(name = "consentry.sso.end-session-url")
    Optional<String> endSession;

    @Inject
    @ConfigProperty(name = "consentry.sso.client-id", defaultValue = "consentry-console")
    String clientId;

    /** How long a console session lasts after the user signed in at the provider, whatever the provider says. */
    @Inject
    @ConfigProperty(name = "consentry.sso.session-max", defaultValue = "PT8H")
    String sessionMax;

    public boolean enabled() {
        return enabled;
    }

    public Optional<String> endSession() {
        return endSession.filter(url -> url.startsWith("https://") || url.startsWith("http://"));
    }

    public String clientId() {
        return clientId;
    }

    /** consentry.sso.session-max, between 10 s and one day: any other value stops the request (fail closed). */
    public Duration sessionMax() {
        return bounded(Duration.parse(sessionMax));
    }

    /** A session limit between {@link #SHORTEST} and {@link #LONGEST}; any other is refused. */
    static Duration bounded(Duration max) {
        if (max.compareTo(SHORTEST) < 0 || max.compareTo(LONGEST) > 0) {
            throw new IllegalStateException("consentry.sso.session-max must be between PT10S and P1D");
        }
        return max;
    }
}
