package org.consentry.sso.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.consentry.sso.control.SsoSettings;

/** Public: whether the console offers single sign-on ({"singleSignOn": true}), read before anyone signs in. */
@WebServlet("/console/sign-in-options")
public class SignInOptions extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SsoSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"singleSignOn\":" + settings.enabled() + "}");
    }
}
