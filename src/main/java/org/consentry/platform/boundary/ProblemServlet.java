package org.consentry.platform.boundary;

import static org.consentry.platform.control.JsonProviders.JSON;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.consentry.platform.control.Problems;

/**
 * The error page for failures the container answers before JAX-RS runs (authentication, the
 * security constraints, unknown paths): they get the same problem body as everything else.
 */
@WebServlet(name = "problems", urlPatterns = "/problem")
public class ProblemServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        var type = Problems.forStatus(status);
        String detail = status >= 500
                ? "The server failed to handle the request."
                : FailureMapper.detailFor(status);
        var body = ProblemResponses.body(type, detail, Map.of());
        response.setStatus(status);
        if (response.getHeader("Retry-After") == null) {
            ProblemResponses.retryAfter(type, java.util.Optional.empty())
                    .ifPresent(seconds -> response.setHeader("Retry-After", String.valueOf(seconds)));
        }
        response.setContentType(ProblemResponses.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (var writer = JSON.createWriter(response.getOutputStream())) {
            writer.writeObject(body);
        }
    }
}
