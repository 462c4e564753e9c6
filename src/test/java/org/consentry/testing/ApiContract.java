package org.consentry.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a served OpenAPI document as a gateway or a generated client would, and lists where it fails to
 * state what the server enforces (OWASP API Security Top 10, 2023: API4, API8, API9):
 * <ul>
 * <li>a request string (parameter or body member, at any depth) without maxLength, enum or const, or with
 * a pattern that is not anchored (an OpenAPI pattern matches anywhere; the server's matches the whole
 * value; {@code \S}, which stands for "not blank", is the one search meant as such);</li>
 * <li>a request array without maxItems, a request integer without minimum and maximum;</li>
 * <li>an operation without its 400, 403, 406, 429, 500 and 503 answers, 401 unless public, 404 where the
 * path names a resource, 409 where it writes, 413 and 415 where it takes a body; a 429 or 503 that does
 * not declare Retry-After;</li>
 * <li>in production, a server that is not https:// or not marked internal or public, and HTTP Basic offered
 * other than as configured.</li>
 * </ul>
 */
public final class ApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonObject document;
    private final List<String> violations = new ArrayList<>();

    private ApiContract(JsonObject document) {
        this.document = document;
    }

    /**
     * What the document leaves unsaid; empty when it states every bound and every answer. In production
     * ({@code production}), also its servers, and HTTP Basic offered exactly when {@code basic} (the
     * operator's consentry.openapi.basic) says the host signs Consentry's users in by password.
     */
    public static List<String> violations(JsonObject document, boolean production, boolean basic) {
        ApiContract contract = new ApiContract(document);
        contract.walk();
        if (production) {
            contract.production(basic);
        }
        return contract.violations;
    }

    private void walk() {
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (var entry : paths.getJsonObject(path).entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String where = entry.getKey().toUpperCase() + " " + path;
                JsonObject operation = entry.getValue().asJsonObject();
                boolean hasPathParameter = false;
                for (JsonValue p : operation.getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
                    JsonObject parameter = p.asJsonObject();
                    hasPathParameter |= parameter.getString("in").equals("path");
                    request(parameter.getJsonObject("schema"), where + " " + parameter.getString("in") + " "
                            + parameter.getString("name"), new HashSet<>());
                }
                boolean hasBody = operation.containsKey("requestBody");
                if (hasBody) {
                    for (var media : operation.getJsonObject("requestBody").getJsonObject("content").entrySet()) {
                        request(media.getValue().asJsonObject().getJsonObject("schema"), where + " body " + media.getKey(),
                                new HashSet<>());
                    }
                }
                answers(where, operation, hasPathParameter, hasBody, !entry.getKey().equals("get"));
            }
        }
    }

    private void answers(String where, JsonObject operation, boolean hasPathParameter, boolean hasBody, boolean write) {
        JsonObject responses = operation.getJsonObject("responses");
        List<String> required = new ArrayList<>(List.of("400", "403", "406", "429", "500", "503"));
        boolean open = operation.containsKey("x-roles")
                && operation.getJsonArray("x-roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                .equals(List.of("public"));
        if (!open) {
            required.add("401");
        }
        if (hasPathParameter) {
            required.add("404");
        }
        if (hasBody) {
            required.addAll(List.of("413", "415"));
        }
        if (write) {
            required.add("409");
        }
        for (String status : required) {
            if (!responses.containsKey(status)) {
                violations.add(where + ": no " + status + " answer");
            }
        }
        for (String status : List.of("429", "503")) {
            if (responses.containsKey(status) && !responses.getJsonObject(status)
                    .getOrDefault("headers", JsonValue.EMPTY_JSON_OBJECT).asJsonObject().containsKey("Retry-After")) {
                violations.add(where + ": its " + status + " does not declare Retry-After");
            }
        }
    }

    private void request(JsonObject schema, String where, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring(schema.getString("$ref").lastIndexOf('/') + 1);
            if (seen.add(name)) {
                request(document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name), name, seen);
            }
            return;
        }
        Set<String> types = types(schema);
        if (types.contains("string") && !(schema.containsKey("maxLength") || schema.containsKey("enum") || schema.containsKey("const"))) {
            violations.add(where + ": a string without maxLength, enum or const");
        }
        if (schema.containsKey("pattern")) {
            String pattern = schema.getString("pattern");
            if (!pattern.equals("\\S") && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
                violations.add(where + ": the pattern " + pattern + " is not anchored");
            }
        }
        if (types.contains("array") && !schema.containsKey("maxItems")) {
            violations.add(where + ": an array without maxItems");
        }
        if (types.contains("integer") && !(schema.containsKey("minimum") && schema.containsKey("maximum"))) {
            violations.add(where + ": an integer without minimum and maximum");
        }
        if (schema.containsKey("properties")) {
            schema.getJsonObject("properties").forEach((name, member) -> request(member.asJsonObject(), where + "." + name, seen));
        }
        if (schema.containsKey("items")) {
            request(schema.getJsonObject("items"), where + "[]", seen);
        }
        for (String combined : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonValue part : schema.getOrDefault(combined, JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
                request(part.asJsonObject(), where, seen);
            }
        }
        if (schema.get("additionalProperties") instanceof JsonObject values) {
            request(values, where + "{}", seen);
        }
    }

    private void production(boolean basic) {
        JsonArray servers = document.getJsonArray("servers");
        if (servers == null || servers.isEmpty()) {
            violations.add("no servers: a client would call whatever host it fetched the document from, over any scheme");
        } else {
            for (JsonObject server : servers.getValuesAs(JsonObject.class)) {
                String url = server.getString("url");
                if (url.regionMatches(true, 0, "http://", 0, 7)) {
                    violations.add("server " + url + ": plain HTTP in production");
                }
                if (!server.containsKey("x-audience")) {
                    violations.add("server " + url + ": not marked internal or public (x-audience)");
                }
            }
        }
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        boolean offered = schemes != null && schemes.containsKey("basic");
        if (offered != basic) {
            violations.add(offered ? "HTTP Basic offered in production without consentry.openapi.basic"
                    : "HTTP Basic not offered although consentry.openapi.basic says the host's registry signs users in by password");
        }
    }

    private static Set<String> types(JsonObject schema) {
        JsonValue type = schema.get("type");
        Set<String> types = new HashSet<>();
        if (type instanceof JsonString single) {
            types.add(single.getString());
        } else if (type instanceof JsonArray several) {
            several.getValuesAs(JsonString.class).forEach(t -> types.add(t.getString()));
        }
        return types;
    }
}
