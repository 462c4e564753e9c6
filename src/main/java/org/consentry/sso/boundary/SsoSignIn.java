package org.consentry.sso.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.sso.control.SsoSettings;

/**
 * Where the console's single sign-on button leads: protected (web.xml), so Liberty's OpenID Connect client
 * sends the browser to the provider first; back here signed in, the sign-in is audited and the browser goes
 * to the console.
 */
@WebServlet("/console/sso")
public class SsoSignIn extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String ACTION = "auth.sso-sign-in";

    @Inject
    SsoSettings settings;

    @Inject
    AuditTrail trail;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (settings.enabled() && request.getUserPrincipal() != null) {
            trail.record(AuditEntry.of(ACTION, Outcome.ALLOWED).detail("console session through single sign-on"));
        }
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/console/");
    }
}
