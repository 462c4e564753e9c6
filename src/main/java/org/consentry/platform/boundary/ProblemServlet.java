package org.consentry.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Logger;
import org.consentry.platform.control.DatabaseBusy;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.Problems;
import org.consentry.platform.control.SafeLog;

/**
 * The error page for failures the container answers before JAX-RS runs (authentication, the
 * security constraints, unknown paths, a servlet filter that failed): they get the same problem body as
 * everything else. A filter's failure is answered as {@link FailureMapper} answers a resource's: a
 * database that stayed busy (a filter's row lock that timed out) is a 503 database-busy with Retry-After,
 * anything else a 500 whose incident id the server log has too, with the exception's class chain only.
 */
@WebServlet(name = "problems", urlPatterns = "/problem")
public class ProblemServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProblemServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        ProblemException problem;
        if (failure != null && DatabaseBusy.is(failure)) {
            problem = DatabaseBusy.problem("");
        } else if (status >= 500) {
            String incident = UUID.randomUUID().toString();
            if (failure != null) {
                SafeLog.failure(LOG, incident, failure);
            } else {
                LOG.severe(() -> "incident " + incident + ": the container answered " + status);
            }
            problem = new ProblemException(Problems.INTERNAL,
                    "The server failed to handle the request; quote the incident id to its operators.").with("incident", incident);
        } else {
            problem = new ProblemException(Problems.forStatus(status), FailureMapper.detailFor(status));
        }
        ProblemType type = problem.type();
        response.setStatus(type.status());
        if (response.getHeader("Retry-After") == null) {
            ProblemResponses.retryAfter(type, problem.retryAfter())
                    .ifPresent(seconds -> response.setHeader("Retry-After", String.valueOf(seconds)));
        }
        ProblemResponses.write(response, type, problem.detail(), problem.members());
    }
}
