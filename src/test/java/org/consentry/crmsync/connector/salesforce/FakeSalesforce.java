package org.consentry.crmsync.connector.salesforce;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.testing.Contract;
import org.consentry.testing.StandIn;

/**
 * A Salesforce org as its REST API documents it (contracts/salesforce/salesforce-rest-v64.yaml): the
 * client-credentials token endpoint, upsert and delete by external id for Contact, Lead and Case, and
 * the one SOQL query the connector sends. Every request and every answer goes through the contract.
 * As strict as a real org where it matters: tokens it can expire (401 INVALID_SESSION_ID), a wrong
 * client (400 invalid_client), required fields on create (400 REQUIRED_FIELD_MISSING), unique external
 * ids (400 DUPLICATE_VALUE), a Contact with Cases that cannot be deleted (400 DELETE_FAILED); it can be
 * told to answer the next call of a route with anything (403 REQUEST_LIMIT_EXCEEDED, 503, garbage).
 */
final class FakeSalesforce implements Function<StandIn.Request, StandIn.Answer> {

    static final String CLIENT_ID = "3MVG9consentry.fake.client";
    private static final String DATA = FakeOrgRecords.DATA;
    private static final Pattern ROW = Pattern.compile(DATA
            + "/sobjects/(Contact|Lead|Case|Individual|ContactPointTypeConsent)/([A-Za-z0-9_]+)/([^/?]+)");

    final Contract contract = Contract.of("/contracts/salesforce/salesforce-rest-v64.yaml", null);
    /** The org's records per object, by their external id (the subject's, the escalation's...). */
    final FakeOrgRecords records = new FakeOrgRecords();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    /** One call: its route ("PATCH Case", "POST token", "GET query"...), its path and when it came. */
    record Call(String route, String path, Instant at) {
    }

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Queue<StandIn.Answer>> planned = new ConcurrentHashMap<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    volatile String clientSecret;
    private boolean forced;

    FakeSalesforce(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    /** The next call of {@code route} ("PATCH Case", "POST token", "GET query"...) gets {@code answer}. */
    void plan(String route, StandIn.Answer answer) {
        planned.computeIfAbsent(route, r -> new ConcurrentLinkedQueue<>()).add(answer);
    }

    /** Every session ends, as when the org's session timeout passes or an admin revokes them. */
    void expireSessions() {
        sessions.clear();
    }

    long count(String route) {
        return calls.stream().filter(c -> c.route().equals(route)).count();
    }

    JsonObject record(String object, String externalId) {
        return records.of(object).get(externalId);
    }

    @Override
    public synchronized StandIn.Answer apply(StandIn.Request request) {
        forced = false;
        StandIn.Answer answer = answer(request);
        if (!forced) { // a planned fault (garbage, say) is off the contract on purpose
            contract.check(request, answer);
        }
        return answer;
    }

    private StandIn.Answer answer(StandIn.Request request) {
        String path = URI.create(request.path()).getRawPath();
        Matcher row = ROW.matcher(path);
        String route = request.method() + " " + (path.equals(AccessTokens.PATH) ? "token"
                : path.equals(DATA + "/query") ? "query" : row.matches() ? row.group(1) : path);
        calls.add(new Call(route, path, Instant.now()));
        if (!contract.check(request).isEmpty()) {
            return path.equals(AccessTokens.PATH) ? SalesforceShapes.oauthError("invalid_request", "the request is not as documented")
                    : SalesforceShapes.error(400, "INVALID_FIELD", "the request is not as documented");
        }
        Queue<StandIn.Answer> plan = planned.get(route);
        StandIn.Answer next = plan == null ? null : plan.poll();
        if (next != null) {
            forced = true;
            return next;
        }
        if (path.equals(AccessTokens.PATH)) {
            return token(SalesforceShapes.form(request.body()));
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !sessions.contains(authorization.replaceFirst("^Bearer ", ""))) {
            return SalesforceShapes.error(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
        if (route.equals("GET query")) {
            String soql = SalesforceShapes.form(URI.create(request.path()).getRawQuery()).getOrDefault("q", "");
            StandIn.Answer found = records.query(soql);
            if (found == null) {
                problems.add("a query the fake does not know: " + soql);
                return SalesforceShapes.error(400, "MALFORMED_QUERY", "unexpected token");
            }
            return found;
        }
        if (!row.matches()) {
            problems.add("undocumented call " + request.method() + " " + path);
            return SalesforceShapes.error(404, "NOT_FOUND", "The requested resource does not exist");
        }
        String object = row.group(1);
        String field = row.group(2);
        String value = URLDecoder.decode(row.group(3), StandardCharsets.UTF_8);
        if (!field.equals(FakeOrgRecords.EXTERNAL_ID.get(object))) {
            return SalesforceShapes.error(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + field);
        }
        return switch (request.method()) {
            case "GET" -> records.get(object, value, List.of(SalesforceShapes.form(URI.create(request.path()).getRawQuery())
                    .getOrDefault("fields", "Id").split(",")));
            case "PATCH" -> records.upsert(object, value, JSON.createReader(new StringReader(request.body())).readObject(),
                    String.valueOf(URI.create(request.path()).getRawQuery()).contains("updateOnly=true"));
            case "DELETE" -> records.delete(object, value);
            default -> SalesforceShapes.error(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + request.method() + "' not allowed");
        };
    }

    private StandIn.Answer token(Map<String, String> form) {
        if (!CLIENT_ID.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            return SalesforceShapes.oauthError("invalid_client", "invalid client credentials");
        }
        String session = "00Dfake0000000!" + java.util.UUID.randomUUID().toString().replace("-", "");
        sessions.add(session);
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("access_token", session)
                .add("signature", "c2lnbmF0dXJl").add("scope", "api").add("instance_url", "https://consentry-test.my.salesforce.com")
                .add("id", "https://login.salesforce.com/id/00Dfake0000000AAA/005fake0000000AAA").add("token_type", "Bearer")
                .add("issued_at", String.valueOf(System.currentTimeMillis())).build().toString());
    }
}
