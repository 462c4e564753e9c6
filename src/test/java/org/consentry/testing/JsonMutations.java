package org.consentry.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid JSON body into a hostile one: members dropped, added, nulled or of the wrong type,
 * huge strings and numbers, deep nesting, arrays for objects, unicode edge cases, broken syntax. Each
 * mutation has a name, so that a failure says which one found it.
 */
public final class JsonMutations {

    /** A body to send and the mutation that made it. */
    public record Mutant(String mutation, String body) {
    }

    private static final String SLOT = "\u0001slot\u0001";
    private static final String[] UNICODE = {
        "Zażółć gęślą jaźń", "😀👍🏽👨‍👩‍👧", "\u202Eevil\u202C", "e\u0301\u0301\u0301", "\u200B\u200D\uFEFF",
        "\u0000", "\\ud800", "\uD83D", "𝕏𝕐ℤ", "\t\r\n", "ǅǈ", "ﷺ", "\u00A0", "%00", "..%2f..%2f", "' OR '1'='1",
        "<script>alert(1)</script>", "${jndi:ldap://x}", "#{7*7}", "\\", "\"", "/*", "null"
    };

    private final Random random;

    public JsonMutations(Random random) {
        this.random = random;
    }

    public Mutant mutate(JsonValue valid) {
        int pick = random.nextInt(100);
        if (pick < 8) {
            return new Mutant("valid", valid.toString());
        }
        List<List<Object>> places = places(valid, new ArrayList<>(), new ArrayList<>());
        List<Object> place = places.get(random.nextInt(places.size()));
        JsonValue target = at(valid, place);
        return switch (pick % 16) {
            case 0 -> new Mutant("drop-member", drop(valid, place).toString());
            case 1 -> new Mutant("extra-member", replace(valid, place, extraMember(target)).toString());
            case 2 -> new Mutant("null", replace(valid, place, JsonValue.NULL).toString());
            case 3 -> new Mutant("wrong-type", replace(valid, place, otherType(target)).toString());
            case 4 -> new Mutant("huge-string", slot(valid, place, "\"" + "x".repeat(hugeLength()) + "\""));
            case 5 -> new Mutant("huge-number", slot(valid, place, hugeNumber()));
            case 6 -> new Mutant("deep-nesting", slot(valid, place, nested(new int[] {20, 200, 1_000, 3_000, 20_000}[random.nextInt(5)])));
            case 7 -> new Mutant("array-for-object", replace(valid, place, Json.createArrayBuilder().add(target).build()).toString());
            case 8 -> new Mutant("unicode", replace(valid, place, Json.createValue(UNICODE[random.nextInt(UNICODE.length)])).toString());
            case 9 -> new Mutant("raw-escape", slot(valid, place, "\"" + new String[] {"\\ud800", "\\udfff\\ud800", "\\u0000", "\\x41", "\\u12", "\\q"}[random.nextInt(6)] + "\""));
            case 10 -> new Mutant("broken-syntax", broken(valid.toString()));
            case 11 -> new Mutant("scalar-body", new String[] {"", " ", "null", "42", "\"text\"", "true", "[]", "{}", "[{}]", "{\"\":\"\"}"}[random.nextInt(10)]);
            case 12 -> new Mutant("duplicate-member", duplicate(valid));
            case 13 -> new Mutant("empty-string", replace(valid, place, Json.createValue(random.nextBoolean() ? "" : "   ")).toString());
            case 14 -> new Mutant("long-array", slot(valid, place, longArray(target)));
            default -> new Mutant("twice", twice(valid));
        };
    }

    /** A second mutation on top of the first, when the first still parses. */
    private String twice(JsonValue valid) {
        String once = mutate(valid).body();
        try (var reader = Json.createReader(new StringReader(once))) {
            return mutate(reader.readValue()).body();
        } catch (RuntimeException unparsable) {
            return once;
        }
    }

    private int hugeLength() {
        return new int[] {1_000, 5_000, 70_000, 300_000}[random.nextInt(4)];
    }

    private String hugeNumber() {
        return new String[] {"1e999", "-1e999", "123456789012345678901234567890", "9223372036854775808",
            "-9223372036854775809", "2147483648", "-1", "0", "1.5", "-0", "1E-400", "0.000000000000000000000001",
            "1e999999999", "-1e-999999999", "1" + "0".repeat(5_000)}[random.nextInt(15)];
    }

    private String nested(int depth) {
        boolean arrays = random.nextBoolean();
        StringBuilder text = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            text.append(arrays ? "[" : "{\"a\":");
        }
        text.append("1");
        for (int i = 0; i < depth; i++) {
            text.append(arrays ? "]" : "}");
        }
        return text.toString();
    }

    private String longArray(JsonValue target) {
        int count = new int[] {300, 3_000, 30_000}[random.nextInt(3)];
        String element = target.getValueType() == JsonValue.ValueType.ARRAY && !target.asJsonArray().isEmpty()
                ? target.asJsonArray().get(0).toString() : "1";
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",").append(element);
        }
        return text.append("]").toString();
    }

    private JsonValue extraMember(JsonValue target) {
        if (target instanceof JsonObject object) {
            return Json.createObjectBuilder(object).add("unexpected" + random.nextInt(100), randomValue()).build();
        }
        return Json.createObjectBuilder().add("value", target).add("extra", randomValue()).build();
    }

    private JsonValue otherType(JsonValue target) {
        JsonValue[] choices = {Json.createValue(random.nextInt()), Json.createValue("text"), JsonValue.TRUE,
            JsonValue.EMPTY_JSON_OBJECT, JsonValue.EMPTY_JSON_ARRAY, Json.createValue(3.25),
            Json.createArrayBuilder().add("a").add(1).build()};
        JsonValue choice;
        do {
            choice = choices[random.nextInt(choices.length)];
        } while (choice.getValueType() == target.getValueType());
        return choice;
    }

    private JsonValue randomValue() {
        return switch (random.nextInt(4)) {
            case 0 -> Json.createValue("x");
            case 1 -> Json.createValue(random.nextLong());
            case 2 -> JsonValue.NULL;
            default -> Json.createObjectBuilder().add("a", Json.createArrayBuilder().add(1)).build();
        };
    }

    private String broken(String text) {
        return switch (random.nextInt(8)) {
            case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
            case 1 -> text + "}garbage";
            case 2 -> text.replace("\"", "'");
            case 3 -> text.replaceFirst(":", "=");
            case 4 -> text.replaceFirst("}$", ",}");
            case 5 -> "/* comment */" + text;
            case 6 -> text.replaceFirst("\"", "\"\n");
            default -> text + text;
        };
    }

    private String duplicate(JsonValue valid) {
        if (!(valid instanceof JsonObject object) || object.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        String key = object.keySet().iterator().next();
        return "{\"" + key + "\":" + randomValue() + "," + valid.toString().substring(1);
    }

    /** Every place in the value: the root (empty path), each member and each element. */
    private static List<List<Object>> places(JsonValue value, List<Object> path, List<List<Object>> into) {
        into.add(List.copyOf(path));
        if (value instanceof JsonObject object) {
            for (String key : object.keySet()) {
                path.add(key);
                places(object.get(key), path, into);
                path.remove(path.size() - 1);
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                path.add(i);
                places(array.get(i), path, into);
                path.remove(path.size() - 1);
            }
        }
        return into;
    }

    private static JsonValue at(JsonValue value, List<Object> path) {
        JsonValue at = value;
        for (Object step : path) {
            at = step instanceof String key ? at.asJsonObject().get(key) : at.asJsonArray().get((Integer) step);
        }
        return at;
    }

    /** The value with the place replaced (the root replaced is the replacement itself). */
    private static JsonValue replace(JsonValue value, List<Object> path, JsonValue replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        Object step = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (step instanceof String key) {
            JsonObjectBuilder object = Json.createObjectBuilder(value.asJsonObject());
            return object.add(key, replace(value.asJsonObject().get(key), rest, replacement)).build();
        }
        JsonArrayBuilder array = Json.createArrayBuilder(value.asJsonArray());
        return array.set((Integer) step, replace(value.asJsonArray().get((Integer) step), rest, replacement)).build();
    }

    /** The value without the place (a dropped root is the empty object). */
    private static JsonValue drop(JsonValue value, List<Object> path) {
        if (path.isEmpty()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        List<Object> parent = path.subList(0, path.size() - 1);
        JsonValue container = at(value, parent);
        Object last = path.get(path.size() - 1);
        JsonValue without = last instanceof String key
                ? Json.createObjectBuilder(container.asJsonObject()).remove(key).build()
                : Json.createArrayBuilder(container.asJsonArray()).remove((Integer) last).build();
        return replace(value, parent, without);
    }

    /** The body as text with raw JSON text at the place (for what a JSON-P value cannot hold). */
    private static String slot(JsonValue value, List<Object> path, String raw) {
        String text = replace(value, path, Json.createValue(SLOT)).toString();
        String quoted = Json.createArrayBuilder().add(SLOT).build().toString();
        quoted = quoted.substring(1, quoted.length() - 1);
        return text.replace(quoted, raw);
    }
}
