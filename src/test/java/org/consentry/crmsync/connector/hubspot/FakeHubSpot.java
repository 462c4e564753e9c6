package org.consentry.crmsync.connector.hubspot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.consentry.testing.Contract;
import org.consentry.testing.StandIn;

/**
 * HubSpot's CRM v3 as published (HubSpot/HubSpot-public-api-spec-collection, trimmed copies in
 * src/test/resources/contracts/hubspot): every request is checked against the contract first (a
 * violation is answered as HubSpot answers a bad request, 400 VALIDATION_ERROR, and kept for the test),
 * every successful answer too. It wants the private app's token as a Bearer token (else 401 in HubSpot's
 * error shape), keeps contacts and notes in memory ({@link FakeHubSpotObjects}), and can be told to
 * answer 429 with HubSpot's rate-limit headers, a 500 or garbage once.
 * Standalone: {@code main(port, token)} serves it on loopback and prints what it holds after each change.
 */
public final class FakeHubSpot implements Function<StandIn.Request, StandIn.Answer> {

    public static final String TOKEN = "pat-eu1-00000000-it00-0000-0000-consentry000";
    static final String CONTACTS = "/crm/v3/objects/contacts";
    static final String NOTES = "/crm/v3/objects/notes";

    final Contract contactsContract = Contract.of("/contracts/hubspot/crm-contacts-v3.json", null);
    final Contract notesContract = Contract.of("/contracts/hubspot/crm-notes-v3.json", null);
    final FakeHubSpotObjects crm = new FakeHubSpotObjects();
    /** Routes ("POST /crm/v3/objects/notes") that answer 500 once. */
    final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    /** Routes that do their work but whose answer is lost once: 200 with a proxy's HTML page instead. */
    final Set<String> garbageOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile String token;
    private volatile Consumer<String> onChange = state -> { };

    public FakeHubSpot() {
        this(TOKEN);
    }

    public FakeHubSpot(String token) {
        this.token = token;
    }

    /** The next {@code count} requests answer 429 with HubSpot's ten-second window headers (no Retry-After). */
    public void rateLimit(int count) {
        rateLimited.set(count);
    }

    /** From now on only {@code token} is accepted (a token revoked or rotated in HubSpot's UI). */
    public void acceptOnly(String token) {
        this.token = token;
    }

    public FakeHubSpot onChange(Consumer<String> listener) {
        this.onChange = listener;
        return this;
    }

    /** Every contract violation seen, of requests and of the fake's own answers. */
    public List<String> violations() {
        return java.util.stream.Stream.concat(contactsContract.violations().stream(), notesContract.violations().stream()).toList();
    }

    @Override
    public synchronized StandIn.Answer apply(StandIn.Request r) {
        URI uri = URI.create(r.path());
        String path = uri.getRawPath();
        String route = r.method() + " " + template(path);
        Contract contract = path.startsWith(NOTES) ? notesContract : contactsContract;
        if (!("Bearer " + token).equals(r.header("Authorization"))) {
            return FakeHubSpotObjects.error(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API"
                    + " supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
        }
        List<String> violations = contract.check(r);
        if (!violations.isEmpty()) {
            return FakeHubSpotObjects.error(400, "VALIDATION_ERROR", "Invalid input JSON on line 1: " + violations.get(0));
        }
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new StandIn.Answer(429, "{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\","
                    + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"" + java.util.UUID.randomUUID() + "\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}",
                    Map.of("X-HubSpot-RateLimit-Interval-Milliseconds", "10000", "X-HubSpot-RateLimit-Max", "100",
                            "X-HubSpot-RateLimit-Remaining", "0", "X-HubSpot-RateLimit-Secondly", "10",
                            "X-HubSpot-RateLimit-Secondly-Remaining", "0"));
        }
        if (failOnce.remove(route)) {
            return FakeHubSpotObjects.error(500, "INTERNAL_ERROR", "internal error");
        }
        StandIn.Answer answer = answer(route, path, query(uri), r.body().isBlank() ? null
                : JSON.createReader(new StringReader(r.body())).readObject());
        if (garbageOnce.remove(route)) {
            onChange.accept(state());
            return new StandIn.Answer(200, "<html><body>502 Bad Gateway</body></html>");
        }
        if (answer.status() / 100 == 2) {
            contract.check(r, answer);
            if (!r.method().equals("GET") && !route.endsWith("/batch/read")) {
                onChange.accept(state());
            }
        }
        return answer;
    }

    private StandIn.Answer answer(String route, String path, Map<String, String> query, JsonObject body) {
        String id = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        return switch (route) {
            case "POST " + CONTACTS -> crm.createContact(body);
            case "POST " + CONTACTS + "/batch/upsert" -> crm.upsertContacts(body);
            case "GET " + CONTACTS + "/{contactId}" -> crm.readContact(id, query.get("idProperty"),
                    List.of(query.getOrDefault("associations", "").split(",")).contains("notes"));
            case "PATCH " + CONTACTS + "/{contactId}" -> crm.updateContact(id, query.get("idProperty"), body);
            case "POST " + CONTACTS + "/gdpr-delete" -> crm.gdprDelete(body);
            case "POST " + NOTES -> crm.createNote(body);
            case "POST " + NOTES + "/batch/read" -> crm.readNotes(body);
            case "POST " + NOTES + "/batch/archive" -> crm.archiveNotes(body);
            default -> FakeHubSpotObjects.error(404, "OBJECT_NOT_FOUND", "no route " + route);
        };
    }

    static String template(String path) {
        if (path.startsWith(CONTACTS + "/") && !path.startsWith(CONTACTS + "/batch/") && !path.equals(CONTACTS + "/gdpr-delete")) {
            return CONTACTS + "/{contactId}";
        }
        return path;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    /** What it holds: contacts with their properties, notes by their first line and size, GDPR deletions. */
    public synchronized String state() {
        JsonArrayBuilder contacts = JSON.createArrayBuilder();
        crm.contacts.forEach((id, properties) -> {
            var props = JSON.createObjectBuilder();
            properties.forEach(props::add);
            contacts.add(JSON.createObjectBuilder().add("id", id).add("properties", props));
        });
        JsonArrayBuilder notes = JSON.createArrayBuilder();
        crm.notes.forEach((id, properties) -> {
            String body = properties.getOrDefault("hs_note_body", "");
            int end = body.indexOf("</p>");
            notes.add(JSON.createObjectBuilder().add("id", id).add("firstLine", end < 0 ? body : body.substring(0, end + 4))
                    .add("chars", body.length()).add("archived", crm.archivedNotes.contains(id))
                    .add("contacts", JSON.createArrayBuilder(List.copyOf(crm.noteContacts.getOrDefault(id, Set.of())))));
        });
        JsonArrayBuilder deleted = JSON.createArrayBuilder();
        crm.gdprDeleted.forEach(deleted::add);
        return JSON.createObjectBuilder().add("contacts", contacts).add("notes", notes).add("gdprDeleted", deleted)
                .build().toString();
    }

    /** Runs it on loopback: {@code FakeHubSpot <port> <token>}; prints its state after each change. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 19581;
        String token = args.length > 1 ? args[1] : TOKEN;
        FakeHubSpot fake = new FakeHubSpot(token).onChange(System.out::println);
        AtomicInteger shown = new AtomicInteger();
        StandIn server = new StandIn(port).answering(r -> {
            StandIn.Answer answer = fake.apply(r);
            System.out.println(r.method() + " " + URI.create(r.path()).getRawPath() + " -> " + answer.status());
            List<String> violations = fake.violations();
            violations.stream().skip(shown.getAndSet(violations.size())).forEach(v -> System.out.println("CONTRACT VIOLATION " + v));
            return answer;
        }).up();
        Runtime.getRuntime().addShutdownHook(new Thread(server::down));
        System.out.println("FakeHubSpot on http://localhost:" + port + " (Bearer token as given)");
        Thread.currentThread().join();
    }
}
