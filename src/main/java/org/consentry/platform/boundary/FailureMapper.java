package org.consentry.platform.boundary;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.platform.control.DatabaseBusy;
import org.consentry.platform.control.FieldError;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.Problems;
import org.consentry.platform.control.SafeLog;

/**
 * Every failure that no more specific mapper took becomes a problem response. Nothing of the
 * exception's message reaches the client (it may quote input or internals); a 500 carries an
 * incident id that the server log has too.
 */
@Provider
public class FailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return ProblemResponses.of(problem);
            }
            if (t instanceof InvalidBodyException invalid) {
                return invalid.toResponse();
            }
            if (t instanceof BodyTooLargeException tooLarge) {
                return ProblemResponses.of(tooLarge.problem());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (failure instanceof NotFoundException unconvertible && unconvertible.getCause() != null) {
            return invalidQueryParameter(unconvertible);
        }
        if (failure instanceof WebApplicationException web) {
            return fromStatus(web);
        }
        if (DatabaseBusy.is(failure)) {
            // what BusyRetry could not get through: the request is fine, locks held by other work were not released in time
            return ProblemResponses.of(DatabaseBusy.problem(""));
        }
        if (unknownCharset(failure)) {
            // a body read as text in the charset its Content-Type names, one this JVM does not know
            return ProblemResponses.of(Problems.UNSUPPORTED_MEDIA_TYPE,
                    "The charset named in Content-Type is not supported; send the body as UTF-8.");
        }
        if (isConcurrentUpdate(failure)) {
            return ProblemResponses.of(Problems.CONFLICT,
                    "Another request changed the same record at the same time; repeat the request.");
        }
        return internal(LOG, failure);
    }

    private static boolean unknownCharset(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.UnsupportedEncodingException || t instanceof java.nio.charset.UnsupportedCharsetException
                    || t instanceof java.nio.charset.IllegalCharsetNameException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static Response internal(Logger log, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        SafeLog.failure(log, incident, failure);
        return ProblemResponses.of(new ProblemException(Problems.INTERNAL,
                "The server failed to handle the request; quote the incident id to its operators.")
                .with("incident", incident));
    }

    private static Response fromStatus(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return internal(LOG, web);
        }
        ProblemType type = Problems.forStatus(status);
        Response.ResponseBuilder problem = Response.fromResponse(ProblemResponses.of(type, detailFor(status)));
        if (web instanceof NotAllowedException && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            problem.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        if (original.getHeaderString(HttpHeaders.RETRY_AFTER) != null) {
            problem.header(HttpHeaders.RETRY_AFTER, null).header(HttpHeaders.RETRY_AFTER, original.getHeaderString(HttpHeaders.RETRY_AFTER));
        }
        if (original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE) != null) {
            problem.header(HttpHeaders.WWW_AUTHENTICATE, original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        }
        return problem.build();
    }

    /** How RESTEasy names the parameter it could not convert: jakarta.ws.rs.QueryParam("limit"). */
    private static final Pattern QUERY_PARAMETER = Pattern.compile("QueryParam\\(\"([A-Za-z0-9_.-]{1,64})\"\\)");

    /**
     * JAX-RS answers a query parameter that cannot be converted to its Java type (limit=abc, an unknown
     * enum constant) with a NotFoundException caused by the conversion failure: the resource exists, the
     * input is wrong, so it is a 400 that names the parameter, as the OpenAPI document promises. A 404
     * for a path that matched nothing has no cause. The value is neither echoed nor logged.
     */
    private static Response invalidQueryParameter(NotFoundException unconvertible) {
        Matcher name = QUERY_PARAMETER.matcher(String.valueOf(unconvertible.getMessage()));
        String field = name.find() ? name.group(1) : "query";
        return ProblemResponses.invalid(Problems.VALIDATION, "Invalid value for: " + field,
                List.of(new FieldError(field, "cannot be read as the documented type")));
    }

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request is malformed.",
            401, "Send credentials: HTTP Basic (development users) or a bearer token.",
            403, "Your role does not allow this operation.",
            404, "There is no resource at this path.",
            405, "This resource does not support the method; see the Allow header.",
            406, "This resource answers application/json only.",
            415, "Send the body as application/json.");

    static String detailFor(int status) {
        return DETAILS.getOrDefault(status, "The request failed with HTTP " + status + ".");
    }

    private static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
            // SQLState class 23: integrity constraint (two inserts raced for one unique slot); the rest of
            // class 40 (transaction rollback). Lock timeouts and deadlocks were taken as DatabaseBusy before.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

}
