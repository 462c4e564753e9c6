package org.consentry.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Members of a JSON body by path ({@code a.b[0].c}): read one, or a copy with one set. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The member at {@code path} (a.b[0].c) of the body, or null. */
    public static JsonValue at(JsonValue node, String path) {
        for (String step : path.replace("[0]", ".0").split("\\.")) {
            if (node instanceof JsonObject o && o.containsKey(step)) {
                node = o.get(step);
            } else if (node instanceof JsonArray a && step.equals("0") && !a.isEmpty()) {
                node = a.get(0);
            } else {
                return null;
            }
        }
        return node;
    }

    /** The body with the member at {@code path} (a.b[0].c) set to {@code value}, objects and arrays made on the way. */
    public static JsonValue with(JsonValue node, String path, JsonValue value) {
        if (path.isEmpty()) {
            return value;
        }
        if (path.startsWith("[0]")) {
            String rest = path.substring(3).startsWith(".") ? path.substring(4) : path.substring(3);
            JsonValue first = node instanceof JsonArray a && !a.isEmpty() ? a.get(0) : JsonValue.EMPTY_JSON_OBJECT;
            return Json.createArrayBuilder().add(with(first, rest, value)).build();
        }
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        int end = dot < 0 ? bracket < 0 ? path.length() : bracket : bracket < 0 ? dot : Math.min(dot, bracket);
        String name = path.substring(0, end);
        String rest = end < path.length() && path.charAt(end) == '.' ? path.substring(end + 1) : path.substring(end);
        JsonObject object = node instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue child = object.containsKey(name) ? object.get(name) : rest.startsWith("[") ? JsonValue.EMPTY_JSON_ARRAY : JsonValue.EMPTY_JSON_OBJECT;
        return Json.createObjectBuilder(object).add(name, with(child, rest, value)).build();
    }

}
