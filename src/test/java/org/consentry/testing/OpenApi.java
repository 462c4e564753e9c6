package org.consentry.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's own OpenAPI document, read as the list of operations that the tests walk: so an endpoint
 * added tomorrow is in every matrix and every fuzz run without anyone listing it.
 */
public final class OpenApi {

    /** A parameter as documented: {@code in} is path, query or header. */
    public record Parameter(String name, String in, JsonObject schema) {
    }

    /** One operation: method, path template, the roles of its @RolesAllowed, its inputs. */
    public record Operation(String method, String path, List<String> roles, List<Parameter> parameters,
                            JsonObject bodySchema, List<String> bodyTypes, Set<String> responses) {

        public boolean isPublic() {
            return roles.equals(List.of("public"));
        }

        /** Called by a bot platform or helpdesk with its own authentication, never a Consentry user. */
        public boolean isPlatform() {
            return roles.equals(List.of("platform"));
        }

        public boolean allows(String role) {
            return roles.contains(role);
        }

        public boolean hasBody() {
            return bodySchema != null;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        /**
         * The path (without its leading slash) with each {name} replaced by the value as given: the
         * caller encodes it ({@link OpenApi#segment}) or sends it raw on purpose.
         */
        public String concrete(Map<String, String> values) {
            String concrete = path;
            for (Parameter p : in("path")) {
                String value = values.get(p.name());
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + p.name() + "} of " + this);
                }
                concrete = concrete.replace("{" + p.name() + "}", value);
            }
            return concrete.substring(1);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonObject document;
    private final List<Operation> operations = new ArrayList<>();

    public OpenApi(JsonObject document) {
        this.document = document;
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (var entry : paths.getJsonObject(path).entrySet()) {
                if (entry.getValue() instanceof JsonObject operation && operation.containsKey("responses")) {
                    operations.add(operation(entry.getKey().toUpperCase(Locale.ROOT), path, operation));
                }
            }
        }
    }

    /** The document the server at {@code api} serves. */
    public static OpenApi of(Api api) {
        Api.Reply reply = api.get("openapi?format=JSON", Api.ANONYMOUS);
        if (reply.status() != 200) {
            throw new AssertionError("no OpenAPI document: " + reply);
        }
        return new OpenApi(reply.json());
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /**
     * The schema with its references followed and an allOf merged into one object, so that callers see
     * type, pattern, enum and properties directly.
     */
    public JsonObject resolve(JsonObject schema) {
        if (schema == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            return resolve(document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name));
        }
        if (schema.containsKey("allOf")) {
            JsonObjectBuilder merged = Json.createObjectBuilder();
            schema.forEach((key, value) -> {
                if (!key.equals("allOf")) {
                    merged.add(key, value);
                }
            });
            for (JsonValue part : schema.getJsonArray("allOf")) {
                resolve(part.asJsonObject()).forEach(merged::add);
            }
            return merged.build();
        }
        return schema;
    }

    /** The name of the component schema a body refers to (HandoffRequest), or null for an inline one. */
    public static String schemaName(JsonObject schema) {
        return schema != null && schema.containsKey("$ref")
                ? schema.getString("$ref").substring(schema.getString("$ref").lastIndexOf('/') + 1)
                : null;
    }

    private static Operation operation(String method, String path, JsonObject operation) {
        List<String> roles = operation.containsKey("x-roles")
                ? operation.getJsonArray("x-roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        List<Parameter> parameters = new ArrayList<>();
        if (operation.containsKey("parameters")) {
            for (JsonObject p : operation.getJsonArray("parameters").getValuesAs(JsonObject.class)) {
                parameters.add(new Parameter(p.getString("name"), p.getString("in"),
                        p.containsKey("schema") ? p.getJsonObject("schema") : JsonValue.EMPTY_JSON_OBJECT));
            }
        }
        JsonObject bodySchema = null;
        List<String> bodyTypes = List.of();
        if (operation.containsKey("requestBody")) {
            JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
            bodyTypes = List.copyOf(content.keySet());
            bodySchema = content.getJsonObject(bodyTypes.get(0)).getJsonObject("schema");
        }
        return new Operation(method, path, roles, List.copyOf(parameters), bodySchema, bodyTypes,
                operation.getJsonObject("responses").keySet());
    }

    /** One path segment, percent-encoded (URLEncoder encodes for forms: a space must be %20 here). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
