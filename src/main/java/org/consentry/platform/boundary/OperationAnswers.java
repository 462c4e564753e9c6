package org.consentry.platform.boundary;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers every operation can give, declared in the document (OWASP API 2023, API4 and API8): who may
 * call it (x-roles), and each problem response the filters and mappers in front of it produce, with the
 * problem types behind it. What an operation's own code answers on top (a 409 of its resource's state, a
 * 413 of its limits) its method declares with {@link ProblemAnswer}; every write can meet a 409 conflict.
 */
final class OperationAnswers {

    static final String PROBLEM = "#/components/schemas/Problem";
    /** What any write can meet: two requests changed the same record at once (FailureMapper). */
    static final String CONFLICT = "conflict: another request changed the same record at the same time; repeat the request";

    private OperationAnswers() {
    }

    static void document(Operation operation, Method method, boolean write) {
        List<String> roles = ApiDocumentation.roles(method);
        boolean open = roles.equals(ApiDocumentation.PUBLIC);
        boolean platform = roles.equals(ApiDocumentation.PLATFORM);
        operation.addExtension("x-roles", roles);
        String who = open ? "Public: no authentication." : platform ? "Authentication: the platform's own, "
                + method.getDeclaringClass().getAnnotation(PlatformAuthenticated.class).value()
                + "; no Consentry user (anything else is 401 and nothing is stored)."
                : "Roles: " + String.join(", ", roles) + ".";
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        if (open || platform) {
            operation.setSecurity(new ArrayList<>());
        }
        APIResponses responses = operation.getResponses();
        successes(responses, method.getAnnotationsByType(Success.class));
        for (ProblemAnswer own : method.getAnnotationsByType(ProblemAnswer.class)) {
            String conflict = own.status() == 409 && write ? "; " + CONFLICT : "";
            problem(responses, String.valueOf(own.status()), own.value() + conflict);
        }
        if (write) {
            problem(responses, "409", CONFLICT);
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        problem(responses, "400", hasBody || !parameters.isEmpty()
                ? "Invalid input: the problem names each field (errors[].field); validation-failed, malformed-body"
                : "A malformed request (an unreadable Accept or Content-Type header): validation-failed");
        if (!open) {
            problem(responses, "401", "No or wrong credentials: unauthenticated");
        }
        problem(responses, "403", (open || platform ? "" : "The caller's role does not allow this operation (forbidden). ")
                + "Plain HTTP in the production profile (https-required)"
                + (write ? "; a browser's write from another site (cross-site-request)" : ""));
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            problem(responses, "404", "Nothing at this path: not-found");
        }
        problem(responses, "406", "No representation the Accept header takes: not-acceptable");
        if (!open) {
            // ShreddedKeyMapper answers it wherever a subject's sealed data is read as the subject is erased:
            // declared on every operation a caller signs in for, since which ones read sealed data is not
            // known here (EndpointFuzzIT met it on the queue listing)
            problem(responses, "410", "subject-erased: the subject's data was erased while this request read it (where the"
                    + " operation reads a subject's sealed data); repeat the request to see what is left");
        }
        if (hasBody) {
            problem(responses, "413", "Request body over consentry.http.max-body-bytes: body-too-large");
            problem(responses, "415", "The body is not of a documented media type: unsupported-media-type");
        }
        problem(responses, "429", "Too many requests; come back after Retry-After seconds. Any request with HTTP Basic"
                + " credentials: sign-in-locked (too many failed sign-ins for the name or the address)"
                + (method.isAnnotationPresent(RateLimited.class) ? "; this operation's own rate limit: "
                        + method.getAnnotation(RateLimited.class).value() + "-limit (see the RateLimit fields)" : ""))
                .addHeader("Retry-After", retryAfter());
        problem(responses, "500", "Server failure; the problem carries an incident id: internal-error");
        problem(responses, "503", "Temporarily unavailable (database-busy: the database stayed busy; nothing was changed);"
                + " send the same request again after Retry-After seconds").addHeader("Retry-After", retryAfter());
    }

    /** The declared successes in place of the one derived from the return type, each with its schema. */
    private static void successes(APIResponses responses, Success[] declared) {
        if (declared.length == 0 || responses.getAPIResponses() == null) {
            return;
        }
        Content derived = null;
        for (String status : List.copyOf(responses.getAPIResponses().keySet())) {
            if (status.startsWith("2")) {
                Content content = responses.getAPIResponse(status).getContent();
                derived = derived == null ? content : derived;
                responses.removeAPIResponse(status);
            }
        }
        for (Success success : declared) {
            responses.addAPIResponse(String.valueOf(success.status()),
                    OASFactory.createAPIResponse().description(success.value()).content(derived));
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(APIResponses responses,
                                                                                           String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType(ProblemResponses.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
        }
        return responses.getAPIResponse(status);
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before sending the request again (RFC 9110"
                        + " section 10.2.3), at least 1")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .minimum(java.math.BigDecimal.ONE));
    }
}
