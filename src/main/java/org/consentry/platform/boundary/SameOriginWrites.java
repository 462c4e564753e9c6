package org.consentry.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.PublicOrigins;
import org.consentry.platform.control.WebOrigin;

/**
 * CSRF protection. The API keeps no ambient credentials (no session, no single-sign-on cookie: every
 * request authenticates itself with a header, which a page of another site cannot set), and on top of
 * that a state-changing request that a browser marks as coming from another site (Sec-Fetch-Site, or
 * an Origin that is not this server's: one of consentry.http.public-origin when set, else the request's
 * own scheme, host and port) is refused before it reaches any resource. Requests without
 * those headers (the bot, the CRM, scripts) are not browsers' and pass.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class SameOriginWrites extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final ProblemType CROSS_SITE = new ProblemType("cross-site-request", 403,
            "A cross-site request may not change anything");

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

    @Inject
    PublicOrigins publicOrigins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request, publicOrigins.origins())) {
            ProblemResponses.write(response, CROSS_SITE, "This request came from a page of another site;"
                    + " change data from the Consentry console or with the API's own clients.", Map.of());
            return;
        }
        chain.doFilter(request, response);
    }

    public static boolean crossSite(HttpServletRequest request, Set<WebOrigin> publicOrigins) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !SAME_SITE.contains(site.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !WebOrigin.parse(origin).map(o -> sameOrigin(o, request, publicOrigins)).orElse(false);
    }

    /**
     * With public origins configured, only they count: behind a proxy the request's scheme, host and port
     * are what the proxy or the client says (Liberty takes X-Forwarded-Proto from anyone; Host is the
     * client's), not where the browser's page came from.
     */
    private static boolean sameOrigin(WebOrigin origin, HttpServletRequest request, Set<WebOrigin> publicOrigins) {
        if (!publicOrigins.isEmpty()) {
            return publicOrigins.contains(origin);
        }
        return origin.scheme().equalsIgnoreCase(request.getScheme()) && origin.host().equalsIgnoreCase(request.getServerName())
                && origin.port() == request.getServerPort();
    }
}
