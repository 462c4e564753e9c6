package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.OpenApi;
import org.consentry.testing.PatternStrings;
import org.consentry.testing.SchemaValues;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The document and the server agree on every bound, proven both ways: for each bounded input of each
 * operation a Consentry user calls (query, path and header parameters, body members at any depth), the
 * request with the input at its documented bound is not refused for it, and the same request one past the
 * bound is refused with a problem that names it (400; 413 too-many-messages for a transcript's length, as
 * documented). Strings at maxLength are built to match their pattern; integers at minimum and maximum;
 * arrays at maxItems. The bounds come from the served document, so a bound added tomorrow is tried too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestBoundsIT {

    /** Stand-ins of a bound value that must also be a valid one: replaced by {@link #respelled} as the request is sent. */
    static final String TIME_AT_BOUND = "2026-11-29T10:15:30.123456789+01:00";
    static final String UTC_AT_BOUND = "2026-11-29T10:15:30.123456789Z";
    static final String PERIOD_AT_BOUND = "P0000Y0000M00000W00030D";
    static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");
    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'");

    /**
     * Inputs whose value at the bound the client cannot make valid: only the refusal one past the bound
     * is tried. Each says why.
     */
    static final Map<String, String> OPAQUE = Map.of(
            "GET /api/v1/escalations after", "a cursor the server made for a next link, never one of the longest form",
            "PUT /api/v1/subjects/{subjectId}/consents/{purpose} noticeVersion",
            "a notice version the deployment configured (2026-11); none is 64 characters long");

    /** Bodies whose members depend on each other (business rules, not bounds): a valid one, written out. */
    static Map<String, Supplier<JsonValue>> bases(String subject) {
        return Map.of(
                "BreachAssessmentRequest", () -> Json.createObjectBuilder()
                        .add("from", Instant.now().minus(Duration.ofHours(2)).toString())
                        .add("to", Instant.now().minus(Duration.ofHours(1)).toString())
                        .add("discoveredAt", Instant.now().minus(Duration.ofMinutes(30)).toString())
                        .add("compromised", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "KEK_VERSION").add("version", 1)))
                        .build(),
                // technical's own default: trying the bounds leaves the category as the other tests expect it
                "PolicyRequest", () -> Json.createObjectBuilder().add("period", "P30D").add("action", "DELETE").build(),
                // a field's category must be one of its purpose's
                "HostKeyRequest", () -> Json.createObjectBuilder().add("purpose", "support-handoff").add("use", "seal")
                        .add("subjectIds", Json.createArrayBuilder().add(subject))
                        .add("fields", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "tickets.body").add("category", "contact")))
                        .build(),
                // a correction corrects something
                "ContactPatch", () -> Json.createObjectBuilder().add("name", "Anna Nowak").build());
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.reveal.limit=100000
                consentry.escalation.max-transcript-messages=20
                """);
    }

    @ArquillianResource
    URL base;

    private JsonObject document;
    private Api api;
    private final Random random = new Random(27);
    private final PatternStrings patterns = new PatternStrings(random);
    private final Map<String, Supplier<String>> known = new HashMap<>();
    private SchemaValues values;

    /** One input at a value: where it goes (query, path, header or a body path) and what is sent. */
    record Case(OpenApi.Operation operation, String in, String name, JsonValue value, String why) {
    }

    @Test
    void eachBoundIsTakenAndOnePastItIsRefusedNamingTheInput() {
        api = new Api(base);
        document = api.get("openapi?format=JSON", Api.ANONYMOUS).json();
        OpenApi openApi = new OpenApi(document);
        String subject = "bounds-" + UUID.randomUUID();
        handOff(subject);
        String escalation = handOff("bounds-" + UUID.randomUUID());
        known.put("subjectId", () -> subject);
        known.put("purpose", () -> "support-handoff");
        known.put("id", () -> escalation);
        known.put("noticeVersion", () -> "2026-11");
        known.put("category", () -> "technical");
        values = new SchemaValues(openApi, random, known);
        Map<String, Supplier<JsonValue>> bases = bases(subject);

        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (OpenApi.Operation operation : openApi.operations()) {
            if (operation.isPlatform() || operation.path().endsWith("/events")) {
                continue; // a platform's own inputs are its protocol's (adapter tests); events is a stream
            }
            List<Case[]> pairs = new ArrayList<>();
            for (OpenApi.Parameter parameter : operation.parameters()) {
                pairs.addAll(bounds(operation, parameter.in(), parameter.name(), openApi.resolve(parameter.schema())));
            }
            JsonValue body = null;
            if (operation.hasBody()) {
                Supplier<JsonValue> written = bases.get(OpenApi.schemaName(operation.bodySchema()));
                body = written != null ? written.get() : values.minimal(operation.bodySchema(), null);
                members(operation, openApi, operation.bodySchema(), "", pairs, 0);
            }
            if (pairs.isEmpty()) {
                continue;
            }
            Api.Reply plain = send(operation, body, null);
            if (plain.status() == 400 || plain.status() >= 500) {
                failures.add(operation + ": the valid request the bounds are tried on is refused: " + plain.status() + " " + plain.text());
                continue;
            }
            for (Case[] pair : pairs) {
                tried++;
                if (!OPAQUE.containsKey(operation + " " + pair[0].name())) {
                    Api.Reply atBound = send(operation, body, respelled(pair[0], body));
                    if (atBound.status() >= 500 || names(atBound, pair[0].name())) {
                        failures.add(pair[0] + " -> " + atBound.status() + " " + atBound.text());
                    }
                }
                Api.Reply past = send(operation, body, pair[1]);
                boolean refused = (past.status() == 400 || past.status() == 413) && names(past, pair[1].name());
                if (!refused) {
                    failures.add(pair[1] + " -> " + past.status() + " " + past.text());
                }
            }
        }
        System.out.println("RequestBoundsIT: " + tried + " bounds tried both ways (" + OPAQUE.size()
                + " opaque inputs one way), " + failures.size() + " disagreements");
        assertTrue(failures.isEmpty(), failures.size() + " of " + tried + " bounds disagree:\n" + String.join("\n", failures));
        assertTrue(tried > 60, "only " + tried + " bounds were tried");
    }

    private void members(OpenApi.Operation operation, OpenApi openApi, JsonObject schema, String path, List<Case[]> pairs, int depth) {
        JsonObject resolved = openApi.resolve(schema);
        if (depth > 4) {
            return;
        }
        if (!path.isEmpty()) {
            pairs.addAll(bounds(operation, "body", path, resolved));
        }
        if (resolved.containsKey("properties")) {
            resolved.getJsonObject("properties").forEach((name, member) -> members(operation, openApi, member.asJsonObject(),
                    path.isEmpty() ? name : path + "." + name, pairs, depth + 1));
        }
        if (resolved.containsKey("items") && !path.isEmpty()) {
            members(operation, openApi, resolved.getJsonObject("items"), path + "[0]", pairs, depth + 1);
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
    static String email(int length) {
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
    private Case respelled(Case c, JsonValue body) {
        if (!(c.value() instanceof JsonString s) || !List.of(TIME_AT_BOUND, UTC_AT_BOUND, PERIOD_AT_BOUND).contains(s.getString())) {
            return c;
        }
        JsonValue there = c.in().equals("body") ? at(body, c.name()) : null;
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

    /** The member at {@code path} (a.b[0].c) of the body, or null. */
    private static JsonValue at(JsonValue node, String path) {
        for (String step : path.replace("[0]", ".0").split("\\.")) {
            if (node instanceof JsonObject o && o.containsKey(step)) {
                node = o.get(step);
            } else if (node instanceof jakarta.json.JsonArray a && step.equals("0") && !a.isEmpty()) {
                node = a.get(0);
            } else {
                return null;
            }
        }
        return node;
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

    /** The operation with every path parameter known, {@code body} as the base, and the input of {@code c} (if any) set. */
    private Api.Reply send(OpenApi.Operation operation, JsonValue body, Case c) {
        Map<String, String> pathValues = new HashMap<>();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new HashMap<>();
        for (OpenApi.Parameter parameter : operation.parameters()) {
            boolean tested = c != null && parameter.in().equals(c.in()) && parameter.name().equals(c.name());
            String value = tested ? text(c.value())
                    : parameter.in().equals("path") ? text(values.minimal(parameter.schema(), parameter.name())) : null;
            if (value == null) {
                continue;
            }
            switch (parameter.in()) {
                case "path" -> pathValues.put(parameter.name(), OpenApi.segment(value));
                case "query" -> query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(OpenApi.segment(value));
                default -> headers.put(parameter.name(), value);
            }
        }
        HttpRequest.Builder request = api.request(operation.concrete(pathValues) + query, caller(operation));
        headers.forEach(request::header);
        if (body != null) {
            JsonValue sent = c != null && c.in().equals("body") ? with(body, c.name(), c.value()) : body;
            request.header("Content-Type", operation.bodyTypes().contains("application/json") ? "application/json" : operation.bodyTypes().get(0));
            request.method(operation.method(), HttpRequest.BodyPublishers.ofString(sent.toString()));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        return api.send(request);
    }

    /** The body with the member at {@code path} (a.b[0].c) set to {@code value}, objects and arrays made on the way. */
    private JsonValue with(JsonValue node, String path, JsonValue value) {
        if (path.isEmpty()) {
            return value;
        }
        if (path.startsWith("[0]")) {
            String rest = path.substring(3).startsWith(".") ? path.substring(4) : path.substring(3);
            JsonValue first = node instanceof jakarta.json.JsonArray a && !a.isEmpty() ? a.get(0) : JsonValue.EMPTY_JSON_OBJECT;
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

    /** Whether the answer is a problem that names the input: errors[].field, or the problem's own field member. */
    private static boolean names(Api.Reply reply, String input) {
        if (reply.status() < 400 || !reply.text().startsWith("{")) {
            return false;
        }
        JsonObject problem = reply.json();
        if (input.equals(problem.getString("field", null))) {
            return true;
        }
        return problem.containsKey("errors") && problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> input.equals(e.getString("field", null)));
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static String caller(OpenApi.Operation operation) {
        if (operation.isPublic()) {
            return Api.ANONYMOUS;
        }
        for (var role : List.of(Map.entry("bot", Api.BOT), Map.entry("agent", Api.AGENT1), Map.entry("admin", Api.ADMIN),
                Map.entry("crm", Api.CRM), Map.entry("host", Api.HOST))) {
            if (operation.allows(role.getKey())) {
                return role.getValue();
            }
        }
        return Api.ADMIN;
    }

    private String handOff(String subject) {
        Api.Reply created = api.post("api/v1/escalations", Api.BOT, """
                {"conversationId":"conv-%s","subjectId":"%s","language":"en","reason":"bounds","customer":{},
                 "transcript":[{"from":"CUSTOMER","text":"I need a human, please.","at":"2026-11-29T10:00:00Z"}],
                 "consent":{"noticeVersion":"2026-11","channel":"chat","evidence":"bounds setup"}}"""
                .formatted(UUID.randomUUID(), subject));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }
}
