package org.consentry.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Values that a schema of the OpenAPI document accepts: every required member, some optional ones,
 * strings of the pattern and length, numbers in range, enum constants, ISO-8601 times. Names the test
 * knows (a subject that has consented, an escalation that exists) take a known value most of the time,
 * so that valid input gets past the lookups and reaches the code behind them.
 */
public final class SchemaValues {

    private static final String WORDS = "abcdefghijklmnopqrstuvwxyz";

    private final OpenApi document;
    private final Random random;
    private final PatternStrings patterns;
    private final Map<String, Supplier<String>> known;
    /** Building the least valid value: required members only, arrays at their minItems, known names always. */
    private boolean minimal;

    public SchemaValues(OpenApi document, Random random, Map<String, Supplier<String>> known) {
        this.document = document;
        this.random = random;
        this.patterns = new PatternStrings(random);
        this.known = known;
    }

    /** A value of the schema for a member or parameter of this name. */
    public JsonValue valid(JsonObject schema, String name) {
        JsonObject s = document.resolve(schema);
        if (name != null && known.containsKey(name) && (minimal || random.nextInt(10) < 8)) {
            return Json.createValue(known.get(name).get());
        }
        if (s.containsKey("enum")) {
            List<JsonValue> constants = s.getJsonArray("enum");
            return constants.get(random.nextInt(constants.size()));
        }
        String type = s.containsKey("type") ? s.getString("type") : s.containsKey("properties") ? "object" : "string";
        return switch (type) {
            case "object" -> object(s);
            case "array" -> array(s);
            case "integer" -> Json.createValue(integer(s));
            case "number" -> Json.createValue(integer(s) + random.nextDouble());
            case "boolean" -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            default -> Json.createValue(string(s));
        };
    }

    /** The least value of the schema: its required members only, each array at minItems, every known name known. */
    public JsonValue minimal(JsonObject schema, String name) {
        minimal = true;
        try {
            return valid(schema, name);
        } finally {
            minimal = false;
        }
    }

    /** A string value of the schema (for path, query and header parameters). */
    public String validText(JsonObject schema, String name) {
        JsonValue value = valid(schema, name);
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private JsonValue object(JsonObject s) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        List<String> required = s.containsKey("required")
                ? s.getJsonArray("required").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        JsonObject properties = s.containsKey("properties") ? s.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
        for (var property : properties.entrySet()) {
            if (required.contains(property.getKey()) || !minimal && random.nextBoolean()) {
                object.add(property.getKey(), valid(property.getValue().asJsonObject(), property.getKey()));
            }
        }
        return object.build();
    }

    private JsonValue array(JsonObject s) {
        int min = s.getInt("minItems", 0);
        int count = minimal ? min : min + random.nextInt(3);
        JsonArrayBuilder array = Json.createArrayBuilder();
        JsonObject items = s.containsKey("items") ? s.getJsonObject("items") : JsonValue.EMPTY_JSON_OBJECT;
        for (int i = 0; i < count; i++) {
            array.add(valid(items, null));
        }
        return array.build();
    }

    private long integer(JsonObject s) {
        long min = s.containsKey("minimum") ? s.getJsonNumber("minimum").longValue() : 0;
        long max = s.containsKey("maximum") ? s.getJsonNumber("maximum").longValue() : min + 1000;
        return min + (long) (random.nextDouble() * (max - min + 1));
    }

    private String string(JsonObject s) {
        if ("date-time".equals(s.getString("format", ""))) {
            return Instant.now().minusSeconds(random.nextInt(86_400)).toString();
        }
        if ("email".equals(s.getString("format", ""))) {
            return word(1 + random.nextInt(12)) + "@example.com";
        }
        int minLength = s.getInt("minLength", 1);
        int maxLength = s.getInt("maxLength", 40);
        String text = s.containsKey("pattern") ? patterns.matching(s.getString("pattern")) : null;
        if (text == null) {
            text = word(1 + random.nextInt(12));
        }
        if (text.length() < minLength) {
            // an unanchored pattern (\S: "not blank") leaves the length to minLength
            text = text + " " + word(minLength - text.length());
        }
        return text.length() > maxLength ? text.substring(0, maxLength) : text;
    }

    private String word(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(WORDS.charAt(random.nextInt(WORDS.length())));
        }
        return word.toString();
    }
}
