package org.consentry.sso.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.consentry.platform.boundary.ProblemResponses;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.PublicOrigins;
import org.consentry.sso.control.EndSession;
import org.consentry.sso.control.SsoSession;
import org.consentry.sso.control.SsoSettings;

/**
 * Session expiry of single sign-on: a console session older than consentry.sso.session-max (counted from the
 * user's sign-in at the provider, auth_time) is ended here and refused (401 session-expired); the answer's
 * signOut member is the provider's end-session request, so that the console ends the provider's session too
 * and the user signs in anew rather than being let back in silently. Other requests (Basic, bearer tokens)
 * pass untouched.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class SsoSessionLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final ProblemType EXPIRED = new ProblemType("session-expired", 401,
            "The single sign-on session has expired");

    @Inject
    SsoSettings settings;

    @Inject
    PublicOrigins publicOrigins;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<SsoSession> session = settings.enabled() && request.getUserPrincipal() != null
                ? SsoSession.current() : Optional.empty();
        if (session.isPresent() && session.get().expired(clock.instant(), settings.sessionMax())) {
            request.logout();
            String console = SsoLinks.console(request, publicOrigins);
            String signOut = settings.endSession()
                    .map(endpoint -> EndSession.url(endpoint, session.get().rawIdToken(), settings.clientId(), console))
                    .orElse(console);
            ProblemResponses.write(response, EXPIRED, "Your session is older than this server allows ("
                    + settings.sessionMax() + "): sign in again.", Map.of("signOut", signOut));
            return;
        }
        chain.doFilter(request, response);
    }
}
