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
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.Problems;

/**
 * One identity per bot: a bot's bearer token must name its client in the configured claim
 * (consentry.jwt.client-claim), since what a bot hands off belongs to that client. A token that names
 * none (or one no client may bear) is refused before any resource: it could own nothing, and falling
 * back to another claim could make two bots one.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BotClientNames extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (caller.isUnnamedBotClient()) {
            ProblemResponses.write(response, Problems.FORBIDDEN, "A bot's bearer token must name its client in the claim "
                    + caller.clientClaim() + " (1 to " + Caller.MAX_CLIENT + " characters, not starting with "
                    + Caller.RESERVED + ").", Map.of("claim", caller.clientClaim()));
            return;
        }
        chain.doFilter(request, response);
    }
}
