package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.consentry.testing.Api;
import org.consentry.testing.BoundCases;
import org.consentry.testing.BoundCases.Case;
import org.consentry.testing.Deployments;
import org.consentry.testing.JsonPaths;
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
                "ContactPatch", () -> Json.createObjectBuilder().add("name", "Anna Nowak").build(),
                // a checkpoint states a time (its signature does not hold: 422, which is not a bound's refusal)
                "CheckpointRequest", () -> Json.createObjectBuilder().add("type", "checkpoint")
                        .add("format", "consentry-audit-checkpoint/1").add("seq", 1).add("keyVersion", 1)
                        .add("headHash", "0".repeat(64)).add("at", Instant.now().minus(Duration.ofHours(1)).toString())
                        .add("signingKeyVersion", 1).add("signature", "0".repeat(64)).build());
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
    private final Map<String, Supplier<String>> known = new HashMap<>();
    private SchemaValues values;

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
        BoundCases cases = new BoundCases(openApi, values, new PatternStrings(random));
        Map<String, Supplier<JsonValue>> bases = bases(subject);

        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (OpenApi.Operation operation : openApi.operations()) {
            if (operation.isPlatform() || operation.path().endsWith("/events")) {
                continue; // a platform's own inputs are its protocol's (adapter tests); events is a stream
            }
            List<Case[]> pairs = cases.of(operation);
            JsonValue body = null;
            if (operation.hasBody()) {
                Supplier<JsonValue> written = bases.get(OpenApi.schemaName(operation.bodySchema()));
                body = written != null ? written.get() : values.minimal(operation.bodySchema(), null);
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
                    Api.Reply atBound = send(operation, body, cases.respelled(pair[0], body));
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
            JsonValue sent = c != null && c.in().equals("body") ? JsonPaths.with(body, c.name(), c.value()) : body;
            request.header("Content-Type", operation.bodyTypes().contains("application/json") ? "application/json" : operation.bodyTypes().get(0));
            request.method(operation.method(), HttpRequest.BodyPublishers.ofString(sent.toString()));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        return api.send(request);
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
