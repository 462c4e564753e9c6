package org.consentry.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where agent replies may be sent: only to hosts on consentry.callback.allowed-hosts, over HTTPS
 * (plain HTTP only with consentry.callback.allow-http, for development), without user info. The
 * server never calls an address a request chose freely (no server-side request forgery), and the
 * delivery follows no redirect.
 */
@ApplicationScoped
public class CallbackTargets {

    public static final ProblemType NOT_ALLOWED = new ProblemType("callback-not-allowed", 400,
            "The callback URL is not allowed");

    @Inject
    @ConfigProperty(name = "consentry.callback.allowed-hosts", defaultValue = "localhost")
    List<String> allowedHosts;

    @Inject
    @ConfigProperty(name = "consentry.callback.allow-http", defaultValue = "false")
    boolean allowHttp;

    /** The URL to store, or a 400 problem naming what is wrong with it. */
    public Optional<String> check(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw refused(allowHttp ? "must be http or https" : "must be https");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.getHost() == null) {
            throw refused("must be scheme://host[:port]/path, without user info or fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).noneMatch(host::equals)) {
            throw refused("has a host that consentry.callback.allowed-hosts does not list");
        }
        return Optional.of(uri.toString());
    }

    private static ProblemException refused(String why) {
        return new ProblemException(NOT_ALLOWED, "callbackUrl " + why + ".").with("field", "callbackUrl");
    }
}
