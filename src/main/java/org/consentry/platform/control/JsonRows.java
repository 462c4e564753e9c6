package org.consentry.platform.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** Builds the JSON of an exported row: members with a null value are left out, times are ISO-8601. */
public final class JsonRows {

    private final JsonObjectBuilder json = JSON.createObjectBuilder();

    public static JsonRows row() {
        return new JsonRows();
    }

    public JsonRows put(String name, Object value) {
        if (value instanceof Instant at) {
            json.add(name, at.toString());
        } else if (value instanceof Number n) {
            json.add(name, n.longValue());
        } else if (value instanceof Boolean b) {
            json.add(name, b);
        } else if (value instanceof jakarta.json.JsonValue v) {
            json.add(name, v);
        } else if (value instanceof jakarta.json.JsonArrayBuilder a) {
            json.add(name, a);
        } else if (value != null) {
            json.add(name, value.toString());
        }
        return this;
    }

    public JsonObjectBuilder builder() {
        return json;
    }
}
