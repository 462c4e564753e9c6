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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.consentry.platform.control.AuthRefusal;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.SignInThrottle;

/**
 * Lockout of HTTP Basic sign-ins (security finding 5). The container checks the password before any
 * filter runs, so this filter works on both of its outcomes: a failure reaches the 401 error page (the
 * ERROR dispatch), where it is counted and, once the name or the address is locked, answered with
 * {@code 429 sign-in-locked} instead; a success reaches the application (the REQUEST dispatch), where a
 * locked name or address is refused the same way. Each failure is also reported as an {@link AuthRefusal}
 * (kind PASSWORD) for the abuse watch. Bearer tokens are not passwords: untouched ({@link RefusedTokens}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SignInLockout extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final ProblemType LOCKED = new ProblemType("sign-in-locked", 429, "Too many failed sign-ins");

    @Inject
    SignInThrottle throttle;

    @Inject
    Event<AuthRefusal> refusals;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> user = basicUser(request.getHeader("Authorization"));
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> locked;
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            boolean failed = Integer.valueOf(401).equals(status);
            locked = failed ? throttle.failed(user.get(), address) : Optional.empty();
            if (failed) {
                RefusedTokens.report(refusals, new AuthRefusal(AuthRefusal.Kind.PASSWORD, user.get(), address));
            }
        } else {
            locked = request.getUserPrincipal() == null ? Optional.empty() : throttle.lockedFor(user.get(), address);
        }
        if (locked.isEmpty() || response.isCommitted()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
        response.reset();
        response.setHeader("Retry-After", String.valueOf(seconds));
        ProblemResponses.write(response, LOCKED, "Too many failed sign-ins for this name or from this address:"
                + " sign-ins are refused for " + seconds + " s, the right password included.",
                Map.of("retryAfterSeconds", seconds));
    }

    /** The user name of a Basic Authorization header (at most 256 characters), if it has one. */
    static Optional<String> basicUser(String authorization) {
        if (authorization == null || authorization.length() > 2048 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon > 0 && colon <= 256 ? Optional.of(credentials.substring(0, colon)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
