package org.consentry.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds an OpenAPI document states for an operation's inputs, each as a pair of cases: the input at
 * its bound (a value the schema accepts, of exactly maxLength characters matching its pattern, the
 * minimum or maximum, maxItems items) and one past it. Used by RequestBoundsIT to prove the document and
 * the server agree.
 */
public final class BoundCases {

    /** Stand-ins of a bound value that must also be a valid one: replaced by {@link #respelled} as the request is sent. */
    public static final String TIME_AT_BOUND = "2026-11-29T10:15:30.123456789+01:00";
    public static final String UTC_AT_BOUND = "2026-11-29T10:15:30.123456789Z";
    public static final String PERIOD_AT_BOUND = "P0000Y0000M00000W00030D";
    public static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");
    public static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'");

    /** One input at a value: where it goes (query, path, header or a body path: a.b[0].c) and what is sent. */
    public record Case(OpenApi.Operation operation, String in, String name, JsonValue value, String why) {

        @Override
        public String toString() {
            return operation + " " + in + " " + name + " " + why + ": " + (value.toString().length() > 120
                    ? value.toString().substring(0, 120) + "..." : value);
        }
    }

    private final OpenApi document;
    private final SchemaValues values;
    private final PatternStrings patterns;

    public BoundCases(OpenApi document, SchemaValues values, PatternStrings patterns) {
        this.document = document;
        this.values = values;
        this.patterns = patterns;
    }

    /** Each bounded input of the operation, at its bound and one past it. */
    public List<Case[]> of(OpenApi.Operation operation) {
        List<Case[]> pairs = new ArrayList<>();
        for (OpenApi.Parameter parameter : operation.parameters()) {
            pairs.addAll(bounds(operation, parameter.in(), parameter.name(), document.resolve(parameter.schema())));
        }
        if (operation.hasBody()) {
            members(operation, operation.bodySchema(), "", pairs, 0);
        }
        return pairs;
    }

    private void members(OpenApi.Operation operation, JsonObject schema, String path, List<Case[]> pairs, int depth) {
        JsonObject resolved = document.resolve(schema);
        if (depth > 4) {
            return;
        }
        if (!path.isEmpty()) {
            pairs.addAll(bounds(operation, "body", path, resolved));
        }
        if (resolved.containsKey("properties")) {
            resolved.getJsonObject("properties").forEach((name, member) -> members(operation, member.asJsonObject(),
                    path.isEmpty() ? name : path + "." + name, pairs, depth + 1));
        }
        if (resolved.containsKey("items") && !path.isEmpty()) {
            members(operation, resolved.getJsonObject("items"), path + "[0]", pairs, depth + 1);
        }
    }

    /** The input at its bound and one past it, for each bound its schema states; none when no value can be built. */
    private List<Case[]> bounds(OpenApi.Operation operation, String in, String name, JsonObject schema) {
        List<Case[]> pairs = new ArrayList<>();
        String type = schema.getString("type", "");
        if (type.equals("string") && schema.containsKey("maxLength")) {
            int max = schema.getInt("maxLength");
            String at = stringOfLength(schema, max);
            if (at != null) {
                String pastValue = schema.containsKey("pattern") ? at + at.charAt(at.length() - 1) : at + "a";
                pairs.add(pair(operation, in, name, Json.createValue(at), Json.createValue(pastValue), "maxLength " + max));
            }
        } else if (type.equals("integer") && schema.containsKey("maximum")) {
            BigInteger max = schema.getJsonNumber("maximum").bigIntegerValue();
            BigInteger min = schema.getJsonNumber("minimum").bigIntegerValue();
            pairs.add(pair(operation, in, name, Json.createValue(max), Json.createValue(max.add(BigInteger.ONE)), "maximum " + max));
            pairs.add(pair(operation, in, name, Json.createValue(min), Json.createValue(min.subtract(BigInteger.ONE)), "minimum " + min));
        } else if (type.equals("array") && schema.containsKey("maxItems") && in.equals("body")) {
            int max = schema.getInt("maxItems");
            JsonObject items = schema.getJsonObject("items");
            pairs.add(pair(operation, in, name, array(items, max), array(items, max + 1), "maxItems " + max));
        }
        return pairs;
    }

    private String stringOfLength(JsonObject schema, int length) {
        String format = schema.getString("format", "");
        if (format.equals("date-time")) {
            return length == TIME_AT_BOUND.length() ? TIME_AT_BOUND : null;
        }
        if (format.equals("email")) {
            return email(length);
        }
        String pattern = schema.getString("pattern", "\\S");
        if (pattern.equals("\\S")) {
            return "a".repeat(length);
        }
        for (String meaningful : List.of(UTC_AT_BOUND, PERIOD_AT_BOUND)) {
            if (meaningful.length() == length && java.util.regex.Pattern.compile(pattern).matcher(meaningful).matches()) {
                return meaningful;
            }
        }
        return patterns.ofLength(pattern, length);
    }

    /** A well-formed address of exactly {@code length} characters: a 64-character local part, labels of at most 63. */
    public static String email(int length) {
        StringBuilder domain = new StringBuilder("example.com");
        int local = Math.min(64, length - 1 - domain.length());
        while (local + 1 + domain.length() < length) {
            int label = Math.min(63, length - local - 1 - domain.length() - 1);
            domain.insert(0, "d".repeat(Math.max(1, label)) + ".");
        }
        return "a".repeat(local) + "@" + domain;
    }

    /**
     * The case with a stand-in replaced by a valid value of the same length: the time (or the period) the
     * base request holds there, spelled at its longest, so that the rules between members still hold.
     */
    public Case respelled(Case c, JsonValue body) {
        if (!(c.value() instanceof JsonString s) || !List.of(TIME_AT_BOUND, UTC_AT_BOUND, PERIOD_AT_BOUND).contains(s.getString())) {
            return c;
        }
        JsonValue there = c.in().equals("body") ? JsonPaths.at(body, c.name()) : null;
        Instant time = there instanceof JsonString t && !t.getString().startsWith("P") ? Instant.parse(t.getString())
                : Instant.now().minus(Duration.ofHours(1));
        String value = switch (s.getString()) {
            case TIME_AT_BOUND -> OFFSET_TIME.format(time.atOffset(ZoneOffset.ofHours(1)));
            case UTC_AT_BOUND -> UTC_TIME.format(time.atOffset(ZoneOffset.UTC));
            case PERIOD_AT_BOUND -> {
                Period period = there instanceof JsonString p ? Period.parse(p.getString()) : Period.ofDays(30);
                yield String.format("P%04dY%04dM%05dW%05dD", period.getYears(), period.getMonths(), 0, period.getDays());
            }
            default -> s.getString();
        };
        return new Case(c.operation(), c.in(), c.name(), Json.createValue(value), c.why());
    }

    private JsonValue array(JsonObject items, int count) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        JsonValue one = values.valid(items, null);
        for (int i = 0; i < count; i++) {
            array.add(one);
        }
        return array.build();
    }

    private static Case[] pair(OpenApi.Operation operation, String in, String name, JsonValue at, JsonValue past, String why) {
        return new Case[] {new Case(operation, in, name, at, "at " + why), new Case(operation, in, name, past, "past " + why)};
    }

}
