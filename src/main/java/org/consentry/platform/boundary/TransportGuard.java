package org.consentry.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.StartupSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Confidential transport outside development (security finding 4). In the production profile every
 * request to the application over plain HTTP is refused with a 403 {@code https-required} problem, and
 * every HTTPS answer carries {@code Strict-Transport-Security}. The refusal also replaces the container's
 * answers on the error path (a Basic 401 challenge over plain HTTP would invite a browser to send a
 * password in clear). web.xml's {@code CONFIDENTIAL} guarantee cannot be used: it would hold in the
 * development server too, whose plain-HTTP port the README and the tests use. Behind a proxy that ends
 * TLS, the host tells Liberty which proxies to believe about the scheme ({@code remoteIp} on its
 * {@code httpEndpoint}); a request the server sees as plain HTTP is refused.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class TransportGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final ProblemType HTTPS_REQUIRED = new ProblemType("https-required", 403, "HTTPS required");

    @Inject
    @ConfigProperty(name = StartupSettings.PROFILE, defaultValue = StartupSettings.PRODUCTION)
    String profile;

    @Inject
    @ConfigProperty(name = "consentry.http.strict-transport-security", defaultValue = "max-age=31536000")
    String strictTransportSecurity;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!StartupSettings.PRODUCTION.equals(profile)) {
            chain.doFilter(request, response);
        } else if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", strictTransportSecurity);
            chain.doFilter(request, response);
        } else if (!response.isCommitted()) {
            response.reset();
            ProblemResponses.write(response, HTTPS_REQUIRED, "This deployment answers only over HTTPS: send the"
                    + " request to its https:// address. Credentials already sent over plain HTTP should be changed.",
                    Map.of());
        }
    }
}
