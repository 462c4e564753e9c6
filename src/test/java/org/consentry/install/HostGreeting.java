package org.consentry.install;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The host server's own application in the install test: it must keep answering beside Consentry. */
@WebServlet("/greeting")
public class HostGreeting extends HttpServlet {

    static final String GREETING = "Greetings from the host's own application, ";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        // only letters: the name is echoed, and this app is no place for an injection
        response.getWriter().print(GREETING + request.getParameter("name").replaceAll("[^A-Za-z]", ""));
    }
}
