package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.escalation.adapter.botframework.BotFrameworkResource;
import org.consentry.escalation.adapter.dialogflow.DialogflowCxResource;
import org.consentry.escalation.adapter.rasa.RasaResource;
import org.consentry.escalation.boundary.EscalationsResource;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.spi.OASFactoryResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document states the RateLimit fields on the responses of rate-limited operations, and on no
 * others. No OpenAPI implementation is on the unit tests' class path: the models here are map-backed proxies.
 */
class RateLimitDocumentationTest {

    @BeforeAll
    static void models() {
        OASFactoryResolver.setInstance(new OASFactoryResolver() {
            @Override
            public <T extends Constructible> T createObject(Class<T> type) {
                return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Model()));
            }
        });
    }

    @Test
    void successesAndThe429GetBothFieldsNamingThePolicyAndItsKeys() throws Exception {
        Operation operation = operation("201", "200", "400", "429", "500");
        RateLimitDocumentation.document(operation, EscalationsResource.class.getMethod("handOff",
                org.consentry.escalation.boundary.HandoffRequest.class));
        for (String status : List.of("200", "201", "429")) {
            Map<String, Header> headers = response(operation, status).getHeaders();
            assertEquals(Set.of("RateLimit", "RateLimit-Policy"), headers.keySet(), status);
            for (Header header : headers.values()) {
                assertTrue(header.getDescription().contains("\"handoff\""), header.getDescription());
                assertTrue(header.getDescription().contains("consentry.handoff.limit per consentry.handoff.window"));
                assertTrue(header.getDescription().contains("draft-ietf-httpapi-ratelimit-headers-09"));
                assertEquals(List.of(Schema.SchemaType.STRING), header.getSchema().getType());
            }
        }
        for (String status : List.of("400", "500")) {
            assertNull(response(operation, status).getHeaders(), status);
        }
        assertEquals(Set.of("201", "200", "400", "429", "500"), operation.getResponses().getAPIResponses().keySet(),
                "no response is added");
    }

    @Test
    void revealsNameTheirOwnPolicy() throws Exception {
        Operation operation = operation("200");
        Method reveal = EscalationsResource.class.getMethod("reveal", String.class,
                org.consentry.escalation.boundary.RevealRequest.class);
        RateLimitDocumentation.document(operation, reveal);
        assertTrue(response(operation, "200").getHeaders().get("RateLimit").getDescription()
                .contains("consentry.reveal.limit per consentry.reveal.window"));
    }

    @Test
    void everyWayInOfAHandoffIsMarked() throws Exception {
        List<Method> handoffs = new ArrayList<>();
        for (Class<?> type : List.of(EscalationsResource.class, RasaResource.class, DialogflowCxResource.class,
                BotFrameworkResource.class)) {
            for (Method method : type.getMethods()) {
                RateLimited limited = method.getAnnotation(RateLimited.class);
                if (limited != null && limited.value().equals("handoff")) {
                    handoffs.add(method);
                }
            }
        }
        assertEquals(List.of("handOff", "handoff", "webhook", "activity"), handoffs.stream().map(Method::getName).toList());
    }

    @Test
    void anUnmarkedOperationIsLeftAlone() throws Exception {
        Operation operation = operation("200", "429");
        RateLimitDocumentation.document(operation, EscalationsResource.class.getMethod("claim", String.class));
        RateLimitDocumentation.document(operation, null);
        assertNull(response(operation, "200").getHeaders());
        assertNull(response(operation, "429").getHeaders());
    }

    private static Operation operation(String... statuses) {
        var responses = OASFactory.createAPIResponses();
        for (String status : statuses) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(status));
        }
        return OASFactory.createOperation().responses(responses);
    }

    private static APIResponse response(Operation operation, String status) {
        return operation.getResponses().getAPIResponses().get(status);
    }

    /** getX/setX, addX(key, value) into the map X+"s", addX(value) into the list X; default methods run as written. */
    static final class Model implements InvocationHandler {

        private final Map<String, Object> properties = new HashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int arity = args == null ? 0 : args.length;
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Model" + properties;
                };
            }
            if (name.startsWith("get") && arity == 0) {
                return properties.get(name.substring(3));
            }
            if (name.startsWith("set") && arity == 1) {
                properties.put(name.substring(3), args[0]);
                return null;
            }
            if (name.startsWith("add") && arity == 2) {
                ((Map<Object, Object>) properties.computeIfAbsent(name.substring(3) + "s", k -> new LinkedHashMap<>()))
                        .put(args[0], args[1]);
                return proxy;
            }
            if (name.startsWith("add") && arity == 1) {
                ((List<Object>) properties.computeIfAbsent(name.substring(3), k -> new ArrayList<>())).add(args[0]);
                return proxy;
            }
            throw new UnsupportedOperationException(method.toString());
        }
    }
}
