package org.consentry.platform.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated OpenAPI document from the code itself, so that it cannot drift: each
 * operation gets the roles of its {@code @RolesAllowed} (as {@code x-roles} and in its description)
 * and the problem responses it can give. Operation ids are {@code Class_method}
 * (mp.openapi.extensions.smallrye.operationIdStrategy=CLASS_METHOD), which leads back to the method.
 */
public class ApiDocumentation implements OASFilter {

    /** The components whose boundary packages hold resources; ApiDocumentationIT fails when one is missing. */
    static final List<String> COMPONENTS = List.of("platform", "consent", "notice", "crypto", "escalation", "crmsync",
            "retention", "erasure", "audit", "redaction", "outbox", "compliance", "host");

    private static final String PROBLEM = "#/components/schemas/Problem";
    static final List<String> PUBLIC = List.of("public");
    /** Operations a bot platform or helpdesk calls with its own authentication ({@link PlatformAuthenticated}). */
    static final List<String> PLATFORM = List.of("platform");
    /** Packages beside the components' boundaries that hold resources: the platforms' adapters and desks. */
    static final List<String> ADAPTERS = List.of("escalation.adapter.botframework", "escalation.adapter.dialogflow",
            "escalation.adapter.rasa", "escalation.desk.chatwoot");
    /** A method with neither @RolesAllowed nor @PermitAll: web.xml still demands a login, and a test flags it. */
    static final List<String> UNDECLARED = List.of("undeclared");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item ->
                item.getOperations().values().forEach(this::document));
    }

    private void document(Operation operation) {
        Optional<Method> method = methodOf(operation.getOperationId());
        if (method.isEmpty()) {
            return;
        }
        List<String> roles = roles(method.get());
        boolean open = roles.equals(PUBLIC);
        boolean platform = roles.equals(PLATFORM);
        operation.addExtension("x-roles", roles);
        String who = open ? "Public: no authentication." : platform ? "Authentication: the platform's own, "
                + method.get().getDeclaringClass().getAnnotation(PlatformAuthenticated.class).value()
                + "; no Consentry user (anything else is 401 and nothing is stored)."
                : "Roles: " + String.join(", ", roles) + ".";
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        if (open || platform) {
            operation.setSecurity(new ArrayList<>());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody || !parameters.isEmpty()) {
            problem(responses, "400", "Invalid input: the problem names each field (errors[].field)");
        }
        if (!open) {
            problem(responses, "401", "No or wrong credentials");
        }
        if (!open && !platform) {
            problem(responses, "403", "The caller's role does not allow this operation");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            problem(responses, "404", "Nothing at this path");
        }
        if (hasBody) {
            problem(responses, "413", "Request body over consentry.http.max-body-bytes");
            problem(responses, "415", "The body is not application/json");
        }
        problem(responses, "500", "Server failure; the problem carries an incident id");
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemResponses.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. type is a stable tag URI; match on its last segment.")
                .properties(Map.of(
                        "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"),
                        "title", string,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", string,
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                        .properties(Map.of("field", string, "message", string)))))
                .required(List.of("type", "title", "status", "detail"));
    }

    static Optional<Method> methodOf(String operationId) {
        if (operationId == null || operationId.indexOf('_') < 0) {
            return Optional.empty();
        }
        String simpleName = operationId.substring(0, operationId.indexOf('_'));
        String methodName = operationId.substring(operationId.indexOf('_') + 1);
        List<String> packages = new ArrayList<>();
        COMPONENTS.forEach(c -> packages.add(c + ".boundary"));
        packages.addAll(ADAPTERS);
        for (String in : packages) {
            try {
                Class<?> type = Class.forName("org.consentry." + in + "." + simpleName, false,
                        ApiDocumentation.class.getClassLoader());
                return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(methodName)).findFirst();
            } catch (ClassNotFoundException e) {
                // not in this component
            }
        }
        return Optional.empty();
    }

    /** The roles allowed to call the method, {@link #PUBLIC} or {@link #UNDECLARED}. */
    static List<String> roles(Method method) {
        if (method.getDeclaringClass().isAnnotationPresent(PlatformAuthenticated.class)) {
            return PLATFORM;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return PUBLIC;
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            return List.of(method.getAnnotation(RolesAllowed.class).value());
        }
        Class<?> type = method.getDeclaringClass();
        if (type.isAnnotationPresent(PermitAll.class)) {
            return PUBLIC;
        }
        return type.isAnnotationPresent(RolesAllowed.class) ? List.of(type.getAnnotation(RolesAllowed.class).value()) : UNDECLARED;
    }
}
