package org.consentry.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.consentry.platform.control.ProblemType;

/**
 * CSRF protection. The API keeps no ambient credentials (no session, no single-sign-on cookie: every
 * request authenticates itself with a header, which a page of another site cannot set), and on top of
 * that a state-changing request that a browser marks as coming from another site (Sec-Fetch-Site, or
 * an Origin that is not this server's) is refused before it reaches any resource. Requests without
 * those headers (the bot, the CRM, scripts) are not browsers' and pass.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class SameOriginWrites extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final ProblemType CROSS_SITE = new ProblemType("cross-site-request", 403,
            "A cross-site request may not change anything");

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            byte[] body = ProblemResponses.body(CROSS_SITE, "This request came from a page of another site;"
                    + " change data from the Consentry console or with the API's own clients.", Map.of())
                    .toString().getBytes(StandardCharsets.UTF_8);
            response.setStatus(CROSS_SITE.status());
            response.setContentType(ProblemResponses.MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !SAME_SITE.contains(site.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI o = URI.create(origin);
            if (o.getScheme() == null || o.getHost() == null || !o.getScheme().equalsIgnoreCase(request.getScheme())) {
                return false;
            }
            int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return o.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
