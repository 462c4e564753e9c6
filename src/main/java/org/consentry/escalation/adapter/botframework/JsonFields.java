package org.consentry.escalation.adapter.botframework;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * Typed reads of an activity's members, each bounded, each failure a 400 problem naming the member by
 * its JSON path (never echoing the value: it may be personal data).
 */
final class JsonFields {

    private JsonFields() {
    }

    static ProblemException invalid(String path, String what) {
        return new ProblemException(Problems.VALIDATION, path + " " + what + ".").with("field", path);
    }

    static String text(JsonObject object, String member, String path, int maxChars, boolean required) {
        JsonValue value = object == null ? null : object.get(member);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw invalid(path, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw invalid(path, "must be a string");
        }
        String text = string.getString();
        if (required && text.isBlank()) {
            throw invalid(path, "must not be blank");
        }
        if (text.length() > maxChars) {
            throw invalid(path, "must be at most " + maxChars + " characters");
        }
        return text;
    }

    static JsonObject object(JsonObject object, String member, String path, boolean required) {
        JsonValue value = object == null ? null : object.get(member);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw invalid(path, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonObject found)) {
            throw invalid(path, "must be an object");
        }
        return found;
    }

    static JsonArray array(JsonObject object, String member, String path, int maxItems) {
        JsonValue value = object == null ? null : object.get(member);
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (!(value instanceof JsonArray found)) {
            throw invalid(path, "must be an array");
        }
        if (found.size() > maxItems) {
            throw invalid(path, "must have at most " + maxItems + " items");
        }
        return found;
    }

    static JsonObject element(JsonArray array, int index, String path) {
        if (!(array.get(index) instanceof JsonObject found)) {
            throw invalid(path + "[" + index + "]", "must be an object");
        }
        return found;
    }

    /** An ISO 8601 date-time with an offset (the schema's timestamp), or null when absent. */
    static Instant instant(JsonObject object, String member, String path) {
        String text = text(object, member, path, 64, false);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(path, "must be an ISO 8601 date-time with an offset");
        }
    }
}
