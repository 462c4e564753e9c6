package org.consentry.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A vendor's published API description (OpenAPI 3 or Swagger 2, a file under
 * {@code src/test/resources/contracts/} named with its source and version), used by a fake vendor to
 * check every request a connector sends, and every answer the fake gives, against it (Atlassian's
 * swagger-request-validator). A request the contract does not allow is a violation; a fake answers it
 * the way the vendor answers a bad request, and the test fails on {@link #violations()}.
 */
public final class Contract {

    private final OpenApiInteractionValidator validator;
    private final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Contract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /**
     * The contract in {@code resource} (e.g. {@code /contracts/hubspot/crm-contacts-v3.json}), with its
     * paths taken from {@code basePath} ("" when the description's own server URLs say the path).
     */
    public static Contract of(String resource, String basePath) {
        String spec = Objects.requireNonNull(Contract.class.getResource(resource), resource).toString();
        OpenApiInteractionValidator.Builder builder = OpenApiInteractionValidator.createForSpecificationUrl(spec);
        if (basePath != null) {
            builder.withBasePathOverride(basePath);
        }
        return new Contract(builder.build());
    }

    /** What the contract says is wrong with the request (also kept for {@link #violations()}); empty when it conforms. */
    public List<String> check(StandIn.Request request) {
        List<String> found = messages(validator.validateRequest(toRequest(request)));
        found.forEach(v -> violations.add(request.method() + " " + path(request) + ": " + v));
        return found;
    }

    /** What the contract says is wrong with the fake's own answer to the request (kept for {@link #violations()}). */
    public List<String> check(StandIn.Request request, StandIn.Answer answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        if (!answer.body().isEmpty()) {
            response.withContentType("application/json").withBody(answer.body());
        }
        List<String> found = messages(validator.validateResponse(path(request),
                Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT)), response.build()));
        found.forEach(v -> violations.add("answer to " + request.method() + " " + path(request) + ": " + v));
        return found;
    }

    /** Every violation seen so far: a test asserts this is empty. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private static List<String> messages(ValidationReport report) {
        List<String> found = new ArrayList<>();
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> found.add(m.getKey() + ": " + m.getMessage()));
        return found;
    }

    private static String path(StandIn.Request request) {
        return URI.create(request.path()).getRawPath();
    }

    private static Request toRequest(StandIn.Request r) {
        URI uri = URI.create(r.path());
        SimpleRequest.Builder request = new SimpleRequest.Builder(r.method(), uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        r.headers().forEach((name, values) -> request.withHeader(name, values));
        if (!r.body().isEmpty()) {
            request.withBody(r.body());
        }
        return request.build();
    }
}
