package org.consentry.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The origins the console is served from as browsers see them (consentry.http.public-origin, e.g.
 * https://helpdesk.example.com behind a proxy that terminates TLS). Behind a proxy the scheme, host and
 * port of a request are what the proxy, or a client, says they are, so once this is set a browser's
 * write is same-origin only when its Origin is one of these. No default: unset, the request's own
 * scheme, host and port stand in. An entry that is not an exact origin stops the start.
 */
@ApplicationScoped
public class PublicOrigins {

    public static final String KEY = "consentry.http.public-origin";

    @Inject
    @ConfigProperty(name = KEY)
    Optional<String> configured;

    private Set<WebOrigin> origins;

    @PostConstruct
    void load() {
        origins = parse(configured.orElse(""));
    }

    /** Created at the start, so that a wrong entry stops it. */
    void verify(@Observes @Initialized(ApplicationScoped.class) Object started) {
        origins();
    }

    /** The configured origins; empty when none are configured. */
    public Set<WebOrigin> origins() {
        return origins;
    }

    static Set<WebOrigin> parse(String value) {
        Settings settings = new Settings(key -> Optional.of(value));
        Set<WebOrigin> parsed = new LinkedHashSet<>();
        for (String entry : settings.list(KEY)) {
            WebOrigin.parse(entry).ifPresentOrElse(parsed::add, () -> settings.problem(KEY + ": '" + entry
                    + "' is not an origin (scheme://host[:port], http or https, no path, not even /)"));
        }
        settings.verify("public origin");
        return Set.copyOf(parsed);
    }
}
