package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.OpenApi;
import org.consentry.testing.SchemaValues;
import org.consentry.testing.StandIn;
import org.consentry.testing.Tokens;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the OpenAPI document (so a new endpoint is in the matrix the day it is added)
 * against every kind of caller: nobody, the bot, the agent who holds the escalation, another agent, an
 * admin, the CRM's service account (role crm, which reports a relationship's end and nothing else), a host
 * application's client jar (role host, which asks for consent decisions and subjects' field keys, nothing else). Nobody gets 401 except on the public privacy notice; a role the operation's x-roles do not
 * name gets 403; another agent gets 404 on every path of an escalation someone else holds, as if it did
 * not exist (no broken object-level authorisation), except the claim, whose contract is 409; a caller
 * the operation allows never gets 401 or 403, nor a 5xx. One identity per bot: the cell's escalation was
 * handed off by bot A (the dev user bot), and bot B (a client-credentials bearer token of another client)
 * gets on every bot path of it the 404 that an escalation id existing nowhere gets, body for body, while
 * bot A gets its data. Every cell gets fresh data (its own subject, its own escalation), so no cell sees
 * what another changed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EndpointMatrixIT {

    /** Who calls: the role, and the dev user. */
    enum Caller {
        ANONYMOUS(null, Api.ANONYMOUS), BOT("bot", Api.BOT), OWNER("agent", Api.AGENT1), OTHER_AGENT("agent", Api.AGENT2),
        ADMIN("admin", Api.ADMIN), CRM("crm", Api.CRM),
        HOST("host", Api.HOST),
        /** Another bot client, with a bearer token ({@link #BOT_B_CLIENT}): it handed off none of the cells' escalations. */
        OTHER_BOT("bot", null);

        final String role;
        final String user;

        Caller(String role, String user) {
            this.role = role;
            this.user = user;
        }
    }

    /** What an allowed caller gets where the fixture makes the outcome certain (the escalation flow). */
    static final Map<String, Map<Caller, Integer>> SUCCESS = Map.ofEntries(
            Map.entry("POST /api/v1/escalations", Map.of(Caller.BOT, 201)),
            Map.entry("GET /api/v1/escalations", Map.of(Caller.OWNER, 200, Caller.OTHER_AGENT, 200, Caller.ADMIN, 200)),
            Map.entry("POST /api/v1/escalations/{id}/claim", Map.of(Caller.OWNER, 200)),
            Map.entry("GET /api/v1/escalations/{id}", Map.of(Caller.OWNER, 200, Caller.ADMIN, 200)),
            Map.entry("POST /api/v1/escalations/{id}/reveal", Map.of(Caller.OWNER, 200)),
            Map.entry("POST /api/v1/escalations/{id}/messages", Map.of(Caller.BOT, 201, Caller.OWNER, 201)),
            Map.entry("GET /api/v1/escalations/{id}/messages", Map.of(Caller.BOT, 200)),
            Map.entry("GET /api/v1/escalations/events", Map.of(Caller.OWNER, 200, Caller.OTHER_AGENT, 200, Caller.ADMIN, 200)),
            Map.entry("POST /api/v1/escalations/{id}/resolve", Map.of(Caller.OWNER, 200)),
            // the bot handed the cell's subject off, so it may record more of its consents
            Map.entry("PUT /api/v1/subjects/{subjectId}/consents/{purpose}", Map.of(Caller.BOT, 200, Caller.ADMIN, 200)),
            Map.entry("POST /api/v1/subjects/{subjectId}/relationship-end", Map.of(Caller.CRM, 200)));

    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static final StandIn CRM = new StandIn().up();
    static final String BOT_B_CLIENT = "matrix-bot-b";

    /** Every optional part switched on (a CRM, the diagnostics echo), so that no operation is off. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.crm.url=%s
                consentry.crm.secret=whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=
                consentry.crm.allow-http=true
                consentry.diagnostics.enabled=true
                """.formatted(CRM.url("/crm/events")) + Tokens.serverConfig());
    }

    @AfterAll
    static void stopTheCrm() {
        CRM.down();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private OpenApi document;

    @Test
    @Proves(Duty.GDPR_32)
    void everyOperationAnswersEveryCallerAsItsRolesSay() throws Exception {
        api = new Api(base);
        document = OpenApi.of(api);
        List<String> mismatches = new ArrayList<>();
        Map<String, Map<Integer, Integer>> allowedAnswers = new TreeMap<>();
        int cells = 0;
        for (OpenApi.Operation operation : document.operations()) {
            String undeclared = undeclared(operation);
            if (undeclared != null) {
                mismatches.add(operation + ": " + undeclared);
                continue;
            }
            for (Caller caller : Caller.values()) {
                cells++;
                Cell cell = cell(operation, caller);
                Answer answer = call(operation, cell, caller);
                String wrong = judge(operation, caller, answer);
                if (wrong != null) {
                    mismatches.add(operation + " as " + caller + ": " + wrong);
                }
                if (expected(operation, caller) == null) {
                    allowedAnswers.computeIfAbsent(operation.toString(), o -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
                }
            }
        }
        System.out.println("EndpointMatrixIT " + cells + " cells over " + document.operations().size() + " operations; allowed callers got:");
        allowedAnswers.forEach((operation, statuses) -> System.out.println("EndpointMatrixIT   " + operation + " " + statuses));
        assertTrue(document.operations().size() >= 35, "operations in the document: " + document.operations().size());
        assertEquals(List.of(), mismatches);
    }

    /**
     * Why the operation has no row in the matrix (no x-roles, or a role no caller here plays), else null:
     * an endpoint whose roles the document does not declare fails the test rather than being skipped.
     */
    static String undeclared(OpenApi.Operation operation) {
        if (operation.roles().isEmpty() || operation.roles().equals(List.of("undeclared"))) {
            return "declares no roles (x-roles " + operation.roles() + "): add @RolesAllowed or @PermitAll";
        }
        if (operation.isPublic() || operation.isPlatform()) {
            return null;
        }
        Set<String> known = Arrays.stream(Caller.values()).map(c -> c.role).filter(Objects::nonNull).collect(Collectors.toSet());
        List<String> unknown = operation.roles().stream().filter(r -> !known.contains(r)).toList();
        return unknown.isEmpty() ? null : "roles " + unknown + " that no caller of the matrix plays: add a dev user for them";
    }

    /** The status the rules demand of this cell, or null where the caller is allowed (any non-refusal). */
    static Integer expected(OpenApi.Operation operation, Caller caller) {
        if (operation.isPlatform()) {
            return 401; // a Consentry user is not the platform: without the platform's own credential, refused
        }
        if (caller == Caller.ANONYMOUS) {
            return operation.isPublic() ? null : 401;
        }
        if (!operation.isPublic() && !operation.allows(caller.role)) {
            return 403;
        }
        if (caller == Caller.OTHER_BOT && heldByTheOwner(operation)) {
            return 404; // bot A's escalation is not there for bot B
        }
        if (caller == Caller.OTHER_BOT && operation.toString().equals(CONSENT_GRANT)) {
            return 403; // subject-not-handed-off: bot A's conversation does not let bot B record consents
        }
        if (caller == Caller.OTHER_AGENT && heldByTheOwner(operation)) {
            // the claim's contract (DESIGN.md): 409 when another agent has it; the queue showed it to every agent
            return operation.path().endsWith("/claim") ? 409 : 404;
        }
        return SUCCESS.getOrDefault(operation.toString(), Map.of()).get(caller);
    }

    static final String CONSENT_GRANT = "PUT /api/v1/subjects/{subjectId}/consents/{purpose}";

    private String judge(OpenApi.Operation operation, Caller caller, Answer answer) {
        Integer expected = expected(operation, caller);
        int status = answer.status();
        if (expected != null && status != expected) {
            return "expected " + expected + ", got " + answer;
        }
        if (expected == null && (status == 401 || status == 403 || status >= 500)) {
            return "an allowed caller got " + answer;
        }
        if (status >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return status + " is not a problem: " + answer;
            }
            JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
            String slug = switch (status) {
                case 401 -> "/unauthenticated";
                case 403 -> caller == Caller.OTHER_BOT && operation.toString().equals(CONSENT_GRANT)
                        ? "/subject-not-handed-off" : "/forbidden";
                default -> "";
            };
            if (problem.getInt("status") != status || !problem.getString("type").endsWith(slug)) {
                return "problem does not match its status: " + answer;
            }
            if (caller == Caller.OTHER_BOT && status == 404) {
                return sameAsNowhere(operation, answer);
            }
        }
        return null;
    }

    /**
     * Bot B's answer on bot A's escalation, against bot B's answer on an id that exists nowhere: the same
     * status and body but for the id in the detail, and nothing of the escalation (its customer, its messages).
     */
    private String sameAsNowhere(OpenApi.Operation operation, Answer answer) {
        String nowhere = UUID.randomUUID().toString();
        Answer absent;
        try {
            absent = call(operation, new Cell(operation.concrete(Map.of("id", nowhere)),
                    operation.hasBody() ? "{\"text\":\"hello\"}" : null), Caller.OTHER_BOT);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        String id = UUID_TEXT.matcher(answer.body()).results().map(MatchResult::group).findFirst().orElse("?");
        if (absent.status() != 404 || !absent.body().replace(nowhere, "ID").equals(answer.body().replace(id, "ID"))) {
            return "bot B's answer differs from the answer for an escalation that does not exist: " + answer + " vs " + absent;
        }
        for (String leak : List.of("Jan", "jan.matrix", "600 100", "hello", "agent1", "ASSIGNED")) {
            if (answer.body().contains(leak)) {
                return "bot B's answer tells of bot A's escalation (" + leak + "): " + answer;
            }
        }
        return null;
    }

    /** Escalation paths: the cell's escalation is held by the owner (agent1). */
    private static boolean heldByTheOwner(OpenApi.Operation operation) {
        return operation.path().startsWith("/api/v1/escalations/{id}");
    }

    /** A request's path and body, on data made for this cell alone. */
    private record Cell(String target, String body) {
    }

    private record Answer(int status, String contentType, String body) {
        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    private Cell cell(OpenApi.Operation operation, Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            // refused before anything is read: no data needed
            Map<String, String> any = new HashMap<>();
            operation.in("path").forEach(p -> any.put(p.name(), "x"));
            return new Cell(operation.concrete(any), operation.hasBody() ? "{}" : null);
        }
        Handoff handoff = new Handoff().customer("Jan Matrix", "jan.matrix@example.org", "+48 600 100 200");
        boolean needsSubject = operation.path().contains("{subjectId}") || heldByTheOwner(operation)
                || operation.path().equals("/api/v1/escalations");
        if (needsSubject) {
            handoff.withConsent();
            if (operation.path().contains("{subjectId}")) {
                handoff.handOff(api); // data on the subject to export, rectify or erase
                grant(handoff.subjectId, "crm-sync"); // the bot's own conversation: a lead may follow
            }
        }
        Map<String, String> values = new HashMap<>();
        for (OpenApi.Parameter p : operation.in("path")) {
            values.put(p.name(), switch (p.name()) {
                case "subjectId" -> handoff.subjectId;
                case "purpose" -> "crm-sync";
                case "category" -> "technical";
                default -> heldByTheOwner(operation) ? escalation(api, handoff, operation, caller) : existingId(operation);
            });
        }
        return new Cell(operation.concrete(values), operation.hasBody() ? body(operation, handoff, values) : null);
    }

    /**
     * A fresh escalation, claimed by the owner, except for the owner's own claim (then it waits).
     */
    private static String escalation(Api api, Handoff handoff, OpenApi.Operation operation, Caller caller) {
        String id = handoff.handOff(api);
        if (!(operation.path().endsWith("/claim") && caller == Caller.OWNER)) {
            Api.Reply claimed = api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
            assertEquals(200, claimed.status(), claimed::toString);
        }
        return id;
    }

    /** An id from the list at the parent path (sweeps, erasures, deliveries), else one that exists nowhere. */
    private String existingId(OpenApi.Operation operation) {
        String parent = operation.path().substring(0, operation.path().indexOf("/{"));
        boolean listed = document.operations().stream().anyMatch(o -> o.method().equals("GET") && o.path().equals(parent));
        if (listed) {
            Matcher id = UUID_TEXT.matcher(api.get(parent.substring(1), Api.ADMIN).text());
            if (id.find()) {
                return id.group();
            }
        }
        return UUID.randomUUID().toString();
    }

    private void grant(String subject, String purpose) {
        Api.Reply granted = api.put("api/v1/subjects/" + subject + "/consents/" + purpose, Api.BOT,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"matrix\"}");
        assertEquals(200, granted.status(), granted::toString);
    }

    /** A valid body: a known one for the schemas of the API, else one generated from the schema. */
    private String body(OpenApi.Operation operation, Handoff handoff, Map<String, String> values) {
        String schema = OpenApi.schemaName(operation.bodySchema());
        return switch (schema == null ? "" : schema) {
            case "HandoffRequest" -> handoff.json();
            case "ConsentGrantRequest" -> "{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"matrix\"}";
            case "MessageRequest" -> "{\"text\":\"hello\"}";
            case "RevealRequest" -> "{\"field\":\"customer.email\",\"reason\":\"confirming the address\"}";
            case "HoldRequest" -> "{\"reason\":\"litigation hold for the matrix\"}";
            case "ContactPatch" -> "{\"phone\":\"+48 600 100 201\"}";
            case "LeadRequest" -> "{\"name\":\"Jan Matrix\",\"email\":\"jan.matrix@example.org\"}";
            // the policy in force, sent back unchanged: the matrix changes no other test's retention
            case "PolicyRequest" -> {
                JsonObject policy = api.get("api/v1/retention/policies/" + values.get("category"), Api.ADMIN).json();
                yield Json.createObjectBuilder().add("period", policy.getString("period"))
                        .add("action", policy.getString("action")).build().toString();
            }
            default -> new SchemaValues(document, new Random(1), Map.of()).valid(operation.bodySchema(), null).toString();
        };
    }

    private Answer call(OpenApi.Operation operation, Cell cell, Caller caller) throws IOException, InterruptedException {
        HttpRequest.Builder request = api.request(cell.target(), caller.user).timeout(Duration.ofSeconds(30));
        if (caller == Caller.OTHER_BOT) {
            request.header("Authorization", "Bearer " + Tokens.client(BOT_B_CLIENT));
        }
        if (cell.body() != null) {
            request.header("Content-Type", operation.bodyTypes().get(0));
        }
        request.method(operation.method(), cell.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(cell.body()));
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream body = response.body()) {
            // an event stream does not end: its status is the answer
            String text = type.startsWith("text/event-stream") ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), type, text);
        }
    }
}
