package org.consentry.platform.boundary;

import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps personal data out of the span Liberty's telemetry makes for every request: its {@code url.path}
 * names a subject in many routes (/subjects/{subjectId}/...), so each path parameter's value is replaced
 * by its name, as in {@code http.route}; a query keeps its parameters' names only; the user agent keeps
 * its product name only (the whole string tells one agent's browser from another). Runs after every
 * other request filter, once the request's span is current; with tracing off no span is recording.
 */
@Provider
@Priority(Integer.MAX_VALUE)
public class SpanRedaction implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return;
        }
        span.setAttribute("url.path", template(request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getPathParameters(false)));
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null) {
            span.setAttribute("url.query", Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0] + "=?")
                    .collect(Collectors.joining("&")));
        }
        String agent = request.getHeaderString("User-Agent");
        if (agent != null) {
            span.setAttribute("user_agent.original", agent.split("[/ ]", 2)[0]);
        }
    }

    static String template(String rawPath, MultivaluedMap<String, String> parameters) {
        Map<String, String> names = new HashMap<>();
        parameters.forEach((name, values) -> values.forEach(value -> names.put(value, "{" + name + "}")));
        return Arrays.stream(rawPath.split("/", -1)).map(segment -> names.getOrDefault(segment, segment))
                .collect(Collectors.joining("/"));
    }
}
