package org.consentry.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.consentry.platform.control.Problems;
import org.consentry.platform.control.PublishedKeys;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keys rotate at the issuer: a bearer token signed by a key the issuer no longer publishes is refused
 * (401), although Liberty's own key cache would still accept it ({@link PublishedKeys}).
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RetiredSigningKeys extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    PublishedKeys keys;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() instanceof JsonWebToken token && !keys.stillPublished(token.getRawToken())) {
            ProblemResponses.write(response, Problems.UNAUTHENTICATED, "The token is signed by a key its issuer no longer "
                    + "publishes: get a new token.", Map.of());
            return;
        }
        chain.doFilter(request, response);
    }
}
