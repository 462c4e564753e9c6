package org.consentry.sso.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.platform.boundary.ProblemResponses;
import org.consentry.platform.boundary.SameOriginWrites;
import org.consentry.platform.control.PublicOrigins;
import org.consentry.sso.control.SsoSession;
import org.consentry.sso.control.SsoSettings;

/**
 * Sign-out of a single sign-on session (POST, from the console only: a cross-site request is refused as on
 * the API): ends the session here and answers where the browser goes next, the provider's end-session
 * endpoint with the ID token as hint (RP-initiated logout), which ends the provider's session too and sends
 * the browser back to the console.
 */
@WebServlet("/console/sign-out")
public class SsoSignOut extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String ACTION = "auth.sso-sign-out";

    @Inject
    SsoSettings settings;

    @Inject
    PublicOrigins publicOrigins;

    @Inject
    AuditTrail trail;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (SameOriginWrites.crossSite(request, publicOrigins.origins())) {
            ProblemResponses.write(response, SameOriginWrites.CROSS_SITE, "Sign out from the Consentry console.", Map.of());
            return;
        }
        Optional<SsoSession> session = settings.enabled() ? SsoSession.current() : Optional.empty();
        if (request.getUserPrincipal() != null) {
            trail.record(AuditEntry.of(ACTION, Outcome.DONE).detail(session.isPresent()
                    ? "console session through single sign-on ended" : "console sign-out"));
        }
        request.logout();
        String console = SsoLinks.console(request, publicOrigins);
        String next = session.flatMap(s -> settings.endSession().map(endpoint ->
                org.consentry.sso.control.EndSession.url(endpoint, s.rawIdToken(), settings.clientId(), console)))
                .orElse(console);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("location", next).build().toString());
    }
}
