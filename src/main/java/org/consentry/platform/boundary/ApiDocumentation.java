package org.consentry.platform.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Completes the generated OpenAPI document from the code and the configuration, so that it cannot drift:
 * each operation gets the roles of its {@code @RolesAllowed} (as {@code x-roles} and in its description)
 * and the problem responses it can give ({@link OperationAnswers}), the RateLimit fields where a limit
 * applies ({@link RateLimitDocumentation}); the request side gets the bounds annotations cannot state
 * ({@link RequestBounds}); the servers and security schemes are the configured ones ({@link ApiServers});
 * the Problem schema lists every problem type ({@link ProblemCatalogue}); a page of a list states its
 * bound ({@link PageBounds}). ApiContractIT walks the served
 * document and RequestBoundsIT proves its bounds against the server. Operation ids are {@code Class_method}
 * (mp.openapi.extensions.smallrye.operationIdStrategy=CLASS_METHOD), which leads back to the method.
 */
public class ApiDocumentation implements OASFilter {

    /** The components whose boundary packages hold resources; ApiDocumentationIT fails when one is missing. */
    static final List<String> COMPONENTS = List.of("platform", "consent", "notice", "crypto", "escalation", "crmsync",
            "retention", "erasure", "audit", "redaction", "outbox", "compliance", "host");

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
        Config config = ConfigProvider.getConfig(ApiDocumentation.class.getClassLoader());
        Function<String, Optional<String>> settings = key -> config.getOptionalValue(key, String.class);
        openAPI.getComponents().addSchema("Problem", ProblemCatalogue.problemSchema());
        ApiServers.apply(openAPI, ApiServers.declared(settings));
        if (openAPI.getPaths() == null) {
            return;
        }
        RequestBounds bounds = new RequestBounds(settings, openAPI.getComponents());
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().forEach((verb, operation) -> {
            methodOf(operation.getOperationId()).ifPresent(method -> {
                OperationAnswers.document(operation, method, verb != PathItem.HttpMethod.GET);
                RateLimitDocumentation.document(operation, method);
            });
            bounds.bound(operation);
            PageBounds.bound(operation);
        }));
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
