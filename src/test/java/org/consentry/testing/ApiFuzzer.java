package org.consentry.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sends thousands of generated requests to every operation of the OpenAPI document, each as a caller
 * the operation allows: path, query and header parameters valid or hostile, bodies built from the
 * request schema and then mutated, wrong content types and methods now and then. Every answer is
 * checked: no 5xx, every 4xx a problem (RFC 9457), every 429 with a Retry-After, every status one the
 * document declares for the operation, no stack trace or class name in any body. One seed makes the same
 * requests again.
 */
public final class ApiFuzzer {

    /** How many requests an operation gets, by its input: a body, parameters only, or nothing to vary. */
    public record Budget(int withBody, int withParameters, int withoutInput) {
    }

    /** What the run sent and found. */
    public record Report(long seed, int requests, Map<Integer, Integer> byStatus, Map<String, Map<Integer, Integer>> byOperation,
                         List<String> failures, Duration took) {

        public String summary() {
            return "fuzzed " + requests + " requests in " + took.toMillis() / 1000.0 + " s, seed " + seed
                    + " (-Dfuzz.seed=" + seed + " repeats them), by status " + byStatus + ", failures " + failures.size();
        }
    }

    private static final String[] FORBIDDEN = {"at org.", "Exception", "java.lang", "\tat "};
    private static final String[] HOSTILE_SEGMENTS = {"..%2f..%2fetc%2fpasswd", "%2e%2e", "..", ".", "%252e%252e%252f",
        "a%2Fb", "%20", "-", "null", "undefined", "0", "%27%20OR%201%3D1--", "%7Bid%7D", "%F0%9F%98%80", "%C5%BC%C3%B3%C5%82w",
        "%E2%80%AE", "%EF%BB%BF", "~", "*", "%2A", "%5C..%5C", "%3Cscript%3E", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D"};
    private static final String[] HOSTILE_QUERY = {"", "-1", "0", "99999999999999999999", "1e3", "abc", "true",
        "%00", "%27%20OR%201%3D1--", "%F0%9F%98%80", "..%2F..%2F", "%E2%80%AE", "2026-02-30T25:61:61Z", "1;DROP%20TABLE%20x"};
    private static final String[] CONTENT_TYPES = {null, "text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data", "application/json; charset=ISO-8859-1", "application/json; charset=bogus",
        "application/problem+json", "*/*", "application", "a/b/c", "application/json;;;", "text/json"};
    private static final String[] ACCEPTS = {"application/xml", "text/html", "*/*", "image/png", "application/json;q=0",
        "garbage", "text/event-stream"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    /** A "." or ".." path segment, also percent-encoded, that resolves the path to another. */
    private static final java.util.regex.Pattern DOT_SEGMENT =
            java.util.regex.Pattern.compile("(^|/)(\\.|%2[eE]){1,2}(/|\\?|$)");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final OpenApi document;
    private final long seed;
    private final Random random;
    private final Map<String, List<String>> known = new HashMap<>();
    private final Map<String, Supplier<String>> suppliers = new HashMap<>();
    private final SchemaValues values;
    private final JsonMutations mutations;

    public ApiFuzzer(URI base, OpenApi document, long seed) {
        this.base = base;
        this.document = document;
        this.seed = seed;
        this.random = new Random(seed);
        this.values = new SchemaValues(document, random, suppliers);
        this.mutations = new JsonMutations(random);
    }

    /** Values that exist on the server for parameters and members of this name (subjects, ids). */
    public ApiFuzzer knowing(String name, List<String> existing) {
        if (!existing.isEmpty()) {
            known.put(name, List.copyOf(existing));
            suppliers.put(name, () -> existing.get(random.nextInt(existing.size())));
        }
        return this;
    }

    public Report run(Budget budget) {
        List<OpenApi.Operation> plan = new ArrayList<>();
        for (OpenApi.Operation operation : document.operations()) {
            int count = operation.hasBody() ? budget.withBody()
                    : operation.parameters().isEmpty() ? budget.withoutInput() : budget.withParameters();
            for (int i = 0; i < count; i++) {
                plan.add(operation);
            }
        }
        Collections.shuffle(plan, random);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (OpenApi.Operation operation : plan) {
            Attempt attempt = attempt(operation);
            Map<Integer, Integer> ofOperation = byOperation.computeIfAbsent(operation.toString(), o -> new TreeMap<>());
            try {
                Answer answer = send(attempt);
                byStatus.merge(answer.status, 1, Integer::sum);
                ofOperation.merge(answer.status, 1, Integer::sum);
                String wrong = judge(attempt, answer);
                if (wrong == null) {
                    wrong = undocumented(operation, attempt, answer);
                }
                if (wrong != null) {
                    failures.add(wrong + " <- " + attempt);
                }
            } catch (IOException e) {
                byStatus.merge(0, 1, Integer::sum);
                ofOperation.merge(0, 1, Integer::sum);
                failures.add("no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ") <- " + attempt);
            }
        }
        return new Report(seed, plan.size(), byStatus, byOperation, failures, Duration.ofNanos(System.nanoTime() - started));
    }

    /** One generated request, with how it was made (for the failure message). */
    record Attempt(String operation, String method, String target, String user, Map<String, String> headers,
                   String body, String how) {

        boolean fixedPath() {
            return !operation.contains("{");
        }

        @Override
        public String toString() {
            String shownTarget = target.length() > 160 ? target.substring(0, 160) + "...(" + target.length() + ")" : target;
            String shownBody = body == null ? "" : " body " + (body.length() > 160 ? body.substring(0, 160) + "...(" + body.length() + ")" : body);
            return operation + " as " + user.substring(0, user.indexOf(':')) + ": " + method + " " + shownTarget + " "
                    + headers + " [" + how + "]" + shownBody;
        }
    }

    private record Answer(int status, String contentType, String body, String retryAfter) {
    }

    private Attempt attempt(OpenApi.Operation operation) {
        List<String> how = new ArrayList<>();
        String user = user(operation);
        Map<String, String> pathValues = new HashMap<>();
        for (OpenApi.Parameter p : operation.in("path")) {
            pathValues.put(p.name(), pathValue(p, how));
        }
        StringBuilder target = new StringBuilder(operation.concrete(pathValues));
        String query = query(operation, how);
        if (!query.isEmpty()) {
            target.append('?').append(query);
        }
        Map<String, String> headers = new TreeMap<>();
        for (OpenApi.Parameter p : operation.in("header")) {
            if (random.nextBoolean()) {
                headers.put(p.name(), random.nextInt(3) == 0 ? hostileHeader() : values.validText(p.schema(), p.name()));
            }
        }
        String method = operation.method();
        String body = null;
        if (operation.hasBody()) {
            JsonValue valid = values.valid(operation.bodySchema(), null);
            JsonMutations.Mutant mutant = mutations.mutate(valid);
            how.add(mutant.mutation());
            body = mutant.body();
            String type = operation.bodyTypes().get(random.nextInt(operation.bodyTypes().size()));
            if (random.nextInt(8) == 0) {
                type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                how.add("content-type");
            }
            if (type != null) {
                headers.put("Content-Type", type);
            }
        } else if (random.nextInt(12) == 0) {
            body = random.nextBoolean() ? "{\"unexpected\":true}" : "garbage";
            headers.put("Content-Type", random.nextBoolean() ? "application/json" : "text/plain");
            how.add("unexpected-body");
        }
        if (random.nextInt(20) == 0) {
            headers.put("Accept", ACCEPTS[random.nextInt(ACCEPTS.length)]);
            how.add("accept");
        }
        if (random.nextInt(30) == 0) {
            String other = METHODS[random.nextInt(METHODS.length)];
            if (!other.equals(method)) {
                method = other;
                how.add("other-method");
            }
        }
        return new Attempt(operation.toString(), method, target.toString(), user, headers, body, String.join(",", how));
    }

    /** A caller the operation allows; agents are either agent (one may hold a known escalation). */
    private String user(OpenApi.Operation operation) {
        List<String> roles = operation.roles();
        String role = roles.get(random.nextInt(roles.size()));
        return switch (role) {
            case "bot" -> Api.BOT;
            case "agent" -> random.nextBoolean() ? Api.AGENT1 : Api.AGENT2;
            case "admin" -> Api.ADMIN;
            case "crm" -> Api.CRM;
            default -> new String[] {Api.BOT, Api.AGENT1, Api.ADMIN, Api.CRM}[random.nextInt(4)];
        };
    }

    private String pathValue(OpenApi.Parameter p, List<String> how) {
        int pick = random.nextInt(100);
        if (pick < 35 && known.containsKey(p.name())) {
            List<String> existing = known.get(p.name());
            return OpenApi.segment(existing.get(random.nextInt(existing.size())));
        }
        if (pick < 55) {
            return OpenApi.segment(values.validText(p.schema(), null));
        }
        how.add("path:" + p.name());
        return switch (pick % 6) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            case 2 -> HOSTILE_SEGMENTS[random.nextInt(HOSTILE_SEGMENTS.length)];
            case 3 -> OpenApi.segment("x".repeat(new int[] {129, 1_000, 8_000}[random.nextInt(3)]));
            case 4 -> OpenApi.segment(new String[] {"Zażółć", "😀", "\u202E", "名前", "a b", "a/b", "a?b", "a#b", "a;b"}[random.nextInt(9)]);
            default -> OpenApi.segment(Long.toString(random.nextLong()));
        };
    }

    private String query(OpenApi.Operation operation, List<String> how) {
        List<String> pairs = new ArrayList<>();
        for (OpenApi.Parameter p : operation.in("query")) {
            int pick = random.nextInt(10);
            if (pick < 3) {
                continue;
            }
            if (pick < 7) {
                pairs.add(p.name() + "=" + OpenApi.segment(values.validText(p.schema(), p.name())));
            } else {
                how.add("query:" + p.name());
                pairs.add(p.name() + "=" + HOSTILE_QUERY[random.nextInt(HOSTILE_QUERY.length)]);
                if (random.nextBoolean()) {
                    pairs.add(p.name() + "=" + OpenApi.segment(values.validText(p.schema(), p.name())));
                }
            }
        }
        if (random.nextInt(10) == 0) {
            how.add("query:unknown");
            pairs.add("unknown" + random.nextInt(10) + "=" + HOSTILE_QUERY[random.nextInt(HOSTILE_QUERY.length)]);
        }
        if (random.nextInt(40) == 0) {
            how.add("query:long");
            pairs.add("q=" + "y".repeat(6_000));
        }
        return String.join("&", pairs);
    }

    private String hostileHeader() {
        return new String[] {"", "-1", "x".repeat(4_000), "' OR 1=1", "../../", "1e999", "zz-ZZ;q=2",
            "*;q=-1", ",,,,", "pl-PL,en;q=0.5,*;q=0.1"}[random.nextInt(10)];
    }

    private Answer send(Attempt attempt) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(attempt.target())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(attempt.user().getBytes(StandardCharsets.UTF_8)));
        attempt.headers().forEach(request::header);
        request.method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(attempt.body()));
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                // an event stream never ends: its status and type are the answer
                String text = type.startsWith("text/event-stream") ? ""
                        : new String(body.readNBytes(4 << 20), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), type, text, response.headers().firstValue("Retry-After").orElse(null));
            }
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String judge(Attempt attempt, Answer answer) {
        if (answer.status() >= 500) {
            return answer.status() + " " + shorten(answer.body());
        }
        if (answer.status() == 404 && attempt.fixedPath()) {
            // nothing in the path varies: a 404 says a resource that exists is missing (a bad query value is a 400)
            return "404 on a path without parameters: " + shorten(answer.body());
        }
        for (String forbidden : FORBIDDEN) {
            if (answer.body().contains(forbidden)) {
                return "body holds \"" + forbidden + "\": " + shorten(answer.body());
            }
        }
        if (answer.status() == 429 && (answer.retryAfter() == null || !answer.retryAfter().matches("[1-9][0-9]{0,8}"))) {
            // a limit says when to come back (security finding 5)
            return "429 without a Retry-After in seconds (" + answer.retryAfter() + "): " + shorten(answer.body());
        }
        if (answer.status() >= 400 && !attempt.method().equals("HEAD")) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return answer.status() + " as " + answer.contentType() + ": " + shorten(answer.body());
            }
            try (var reader = Json.createReader(new StringReader(answer.body()))) {
                JsonObject problem = reader.readObject();
                if (!problem.containsKey("type") || !problem.containsKey("title")
                        || problem.getInt("status", -1) != answer.status()) {
                    return answer.status() + " problem without type, title or its status: " + shorten(answer.body());
                }
            } catch (RuntimeException e) {
                return answer.status() + " problem that is not a JSON object: " + shorten(answer.body());
            }
        }
        return null;
    }

    /**
     * A status the operation answered that its document does not declare: a client generated from the
     * document would not expect it. Only for requests as the document describes them (its method, no body
     * where it takes none, a path with no dot segment): a wrong method, or a path parameter of "." or ".."
     * that takes the request to another path (RFC 3986 section 5.2.4), is no request of the operation's.
     */
    private static String undocumented(OpenApi.Operation operation, Attempt attempt, Answer answer) {
        boolean dotSegment = DOT_SEGMENT.matcher(attempt.target()).find();
        boolean described = attempt.method().equals(operation.method()) && !attempt.how().contains("unexpected-body")
                && !dotSegment;
        String status = String.valueOf(answer.status());
        if (described && !operation.responses().contains(status) && !operation.responses().contains(status.charAt(0) + "XX")) {
            return status + " is not among the answers the document declares " + new java.util.TreeSet<>(operation.responses())
                    + ": " + shorten(answer.body());
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
