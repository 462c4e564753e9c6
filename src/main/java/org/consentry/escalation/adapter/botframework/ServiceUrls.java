package org.consentry.escalation.adapter.botframework;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The service URLs Consentry posts to: an activity names its conversation's service URL, and Consentry
 * later posts the agent's replies there, so only the configured prefixes (e.g.
 * https://smba.trafficmanager.net/) are taken, HTTPS unless allow-http, without user info, query or
 * fragment: an inbound activity never makes Consentry call a host of its sender's choosing.
 */
public final class ServiceUrls {

    private final List<String> prefixes;
    private final boolean allowHttp;

    public ServiceUrls(List<String> prefixes, boolean allowHttp) {
        this.prefixes = prefixes.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.endsWith("/") ? p : p + "/").map(p -> p.toLowerCase(Locale.ROOT)).toList();
        this.allowHttp = allowHttp;
    }

    /** Why {@code url} may not be used, or null when it may. Never echoes the value. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return "must be an https URL";
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getHost() == null) {
            return "must be a plain service URL (a host, no user info, query or fragment)";
        }
        String candidate = withSlash(url).toLowerCase(Locale.ROOT);
        if (candidate.contains("/../") || candidate.contains("/./") || prefixes.stream().noneMatch(candidate::startsWith)) {
            return "is not on consentry.platforms.botframework.allowed-service-urls";
        }
        return null;
    }

    public boolean allows(String url) {
        return refusal(url) == null;
    }

    /** The URL with one trailing slash, the form a path is appended to. */
    public static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
