package org.consentry.platform.boundary;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.consentry.platform.control.FieldError;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;

/** Builds RFC 9457 bodies: the one place that knows their shape. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private ProblemResponses() {
    }

    /**
     * Every 429 says when to come back (RFC 6585 section 4): a problem that does not know gets
     * {@link #TOO_MANY_RETRY_AFTER}.
     */
    public static final Duration TOO_MANY_RETRY_AFTER = Duration.ofSeconds(60);

    public static Response of(ProblemException problem) {
        Response response = respond(problem.type(), body(problem.type(), problem.detail(), problem.members()));
        return retryAfter(problem.type(), problem.retryAfter())
                .map(after -> Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, after).build())
                .orElse(response);
    }

    public static Response of(ProblemType type, String detail) {
        Response response = respond(type, body(type, detail, Map.of()));
        return retryAfter(type, Optional.empty())
                .map(after -> Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, after).build())
                .orElse(response);
    }

    /** The Retry-After value in seconds for a problem of {@code type} that knows {@code known}, if any. */
    public static Optional<Long> retryAfter(ProblemType type, Optional<Duration> known) {
        return known.or(() -> type.status() == 429 ? Optional.of(TOO_MANY_RETRY_AFTER) : Optional.empty())
                .map(ProblemException::wholeSeconds);
    }

    public static Response invalid(ProblemType type, String detail, Collection<FieldError> errors) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        errors.forEach(e -> list.add(JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
        JsonObject body = JSON.createObjectBuilder(body(type, detail, Map.of())).add("errors", list).build();
        return respond(type, body);
    }

    public static JsonObject body(ProblemType type, String detail, Map<String, Object> members) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", type.type().toString())
                .add("title", type.title())
                .add("status", type.status())
                .add("detail", detail == null ? type.title() : detail);
        members.forEach((name, value) -> {
            if (value instanceof Number n) {
                json.add(name, JSON.createValue(n.longValue()));
            } else if (value instanceof Boolean b) {
                json.add(name, b);
            } else if (value instanceof Collection<?> c) {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                c.forEach(v -> list.add(String.valueOf(v)));
                json.add(name, list);
            } else if (value != null) {
                json.add(name, String.valueOf(value));
            }
        });
        return json.build();
    }

    /** Writes a problem from a servlet filter, before JAX-RS runs (or in place of the container's answer). */
    public static void write(HttpServletResponse response, ProblemType type, String detail,
                             Map<String, Object> members) throws IOException {
        byte[] body = body(type, detail, members).toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(type.status());
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static Response respond(ProblemType type, JsonObject body) {
        return Response.status(type.status()).type(PROBLEM_JSON).entity(body).build();
    }
}
