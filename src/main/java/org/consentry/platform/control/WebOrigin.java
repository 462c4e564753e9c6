package org.consentry.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin (RFC 6454): scheme, host and port, nothing else. Two origins are the same when all three
 * are equal, with the scheme's default port filled in (https://a and https://a:443 are one origin);
 * there is no matching of parts of a host. "null", a path, a query, user info or a scheme other than
 * http and https is not an origin a same-origin check can accept.
 */
public record WebOrigin(String scheme, String host, int port) {

    /** The origin the text names exactly, or empty when it is not one (as a browser's Origin header is). */
    public static Optional<WebOrigin> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 300) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getPort() > 65535) {
                return Optional.empty();
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(new WebOrigin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
