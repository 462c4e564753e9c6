package org.consentry.escalation.adapter;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.consentry.platform.boundary.BodyTooLargeException;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/** Typed reads of a platform's JSON, each wrong one a 400 naming the member's path (never its value). */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * The body as a JSON object: strict UTF-8, at most consentry.http.max-body-bytes (BodyLimitFilter); a
     * body that is not one is a 400 naming {@code body}, a body over the limit a 413.
     */
    public static JsonObject readObject(InputStream body) {
        var strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var reader = JSON.createReader(new InputStreamReader(body, strict))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodyTooLargeException tooLarge) {
                    throw tooLarge.problem();
                }
            }
            throw new ProblemException(Problems.MALFORMED_BODY, "The request body is not a JSON object.").with("field", "body");
        }
    }

    public static ProblemException invalid(String path, String what) {
        return new ProblemException(Problems.VALIDATION, path + " " + what + ".").with("field", path);
    }

    public static JsonObject object(JsonObject parent, String member, String path, boolean required) {
        JsonValue value = parent == null ? null : parent.get(member);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw invalid(path, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid(path, "must be an object");
        }
        return object;
    }

    public static JsonArray array(JsonObject parent, String member, String path) {
        JsonValue value = parent == null ? null : parent.get(member);
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(path, "must be an array");
        }
        return array;
    }

    public static String string(JsonObject parent, String member, String path, boolean required) {
        JsonValue value = parent == null ? null : parent.get(member);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw invalid(path, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(path, "must be a string");
        }
        return s.getString();
    }

    public static Boolean bool(JsonObject parent, String member, String path) {
        JsonValue value = parent == null ? null : parent.get(member);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw invalid(path, "must be true or false");
        }
        return value == JsonValue.TRUE;
    }
}
