package org.consentry.escalation.adapter.botframework;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.consentry.platform.control.ProblemException;

/**
 * The adapters' typed reads ({@link org.consentry.escalation.adapter.JsonFields}) with the bounds an
 * activity's members get here: a length per string, a count per array, a timestamp's form. Each failure
 * is a 400 naming the member by its JSON path, never echoing the value (it may be personal data).
 */
final class JsonFields {

    private JsonFields() {
    }

    static ProblemException invalid(String path, String what) {
        return org.consentry.escalation.adapter.JsonFields.invalid(path, what);
    }

    static JsonObject object(JsonObject object, String member, String path, boolean required) {
        return org.consentry.escalation.adapter.JsonFields.object(object, member, path, required);
    }

    static String text(JsonObject object, String member, String path, int maxChars, boolean required) {
        String text = org.consentry.escalation.adapter.JsonFields.string(object, member, path, required);
        if (text != null && required && text.isBlank()) {
            throw invalid(path, "must not be blank");
        }
        if (text != null && text.length() > maxChars) {
            throw invalid(path, "must be at most " + maxChars + " characters");
        }
        return text;
    }

    static JsonArray array(JsonObject object, String member, String path, int maxItems) {
        JsonArray found = org.consentry.escalation.adapter.JsonFields.array(object, member, path);
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
