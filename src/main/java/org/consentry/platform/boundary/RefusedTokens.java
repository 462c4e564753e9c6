package org.consentry.platform.boundary;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.consentry.platform.control.AuthRefusal;
import org.consentry.platform.control.ClaimedClient;
import org.consentry.platform.control.SafeLog;

/**
 * Sees the bearer tokens Liberty's MP JWT refused (forged, expired, another issuer or audience): the
 * container answers them with 401 before the application runs, so, as {@link SignInLockout} does for
 * passwords, this filter works on the 401 error page (the ERROR dispatch) and reports each as an
 * {@link AuthRefusal} of kind TOKEN with the client the token claims (unverified: {@link ClaimedClient}).
 * The answer itself is left as it is.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = DispatcherType.ERROR)
public class RefusedTokens extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RefusedTokens.class.getName());

    @Inject
    Event<AuthRefusal> refusals;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (ClaimedClient.isBearer(authorization)
                && Integer.valueOf(401).equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))) {
            report(refusals, new AuthRefusal(AuthRefusal.Kind.TOKEN, ClaimedClient.of(authorization).orElse(null),
                    request.getRemoteAddr()));
        }
        chain.doFilter(request, response);
    }

    /** Fires it; a watcher that fails costs the refusal's count, never the refusal's answer. */
    static void report(Event<AuthRefusal> refusals, AuthRefusal refusal) {
        try {
            refusals.fire(refusal);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "auth refusal watch", e);
        }
    }
}
