package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.testing.Api;
import org.consentry.testing.ApiFuzzer;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.OpenApi;
import org.consentry.testing.StandIn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Thousands of generated requests against every operation of the OpenAPI document (ApiFuzzer), as a
 * caller each operation allows, on the application with every optional part switched on (a CRM stand-in,
 * the diagnostics echo): not one 5xx, every 4xx a problem, no stack trace or class name in any answer,
 * and the server ready afterwards. The seed is printed; -Dfuzz.seed=N sends the same requests again,
 * -Dfuzz.scale=N multiplies their number.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EndpointFuzzIT {

    static final StandIn CRM = new StandIn().up();
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.crm.url=%s
                consentry.crm.secret=whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=
                consentry.crm.allow-http=true
                consentry.outbox.poll-interval=PT0.2S
                consentry.diagnostics.enabled=true
                """.formatted(CRM.url("/crm/events")));
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void stopTheCrm() {
        CRM.down();
    }

    @Test
    void noGeneratedRequestGetsA5xxAStackTraceOrAnythingButAProblem() throws Exception {
        Api api = new Api(base);
        OpenApi document = OpenApi.of(api);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int scale = Integer.getInteger("fuzz.scale", 1);
        System.out.println("EndpointFuzzIT seed " + seed + " (-Dfuzz.seed=" + seed + " repeats the run)");

        List<String> subjects = List.of(subject(api), subject(api), subject(api));
        List<String> ids = new ArrayList<>(List.of(escalation(api, subjects.get(0), true), escalation(api, subjects.get(1), false)));
        ids.addAll(existingIds(api, document));
        ApiFuzzer fuzzer = new ApiFuzzer(URI.create(base.toString()), document, seed)
                .knowing("subjectId", subjects)
                .knowing("purpose", purposes(api));
        for (OpenApi.Operation operation : document.operations()) {
            for (OpenApi.Parameter p : operation.in("path")) {
                if (p.schema().getString("pattern", "").equals("[0-9a-f-]{36}")) {
                    fuzzer.knowing(p.name(), ids);
                }
            }
        }

        ApiFuzzer.Report report = fuzzer.run(new ApiFuzzer.Budget(250 * scale, 70 * scale, 8 * scale));
        System.out.println("EndpointFuzzIT " + report.summary());
        report.byOperation().forEach((operation, statuses) -> System.out.println("EndpointFuzzIT   " + operation + " " + statuses));
        report.failures().stream().limit(30).forEach(f -> System.out.println("EndpointFuzzIT failure: " + f));

        leaveTheServerQuiet(api);
        assertEquals(List.of(), report.failures().stream().limit(10).toList(), report.failures().size() + " failures, seed " + seed);
        assertTrue(report.requests() >= 3_000, report.summary());
        assertEquals(document.operations().size(), report.byOperation().size(), "every operation was fuzzed");
        assertTrue(report.byStatus().keySet().stream().anyMatch(s -> s >= 200 && s < 300), "some requests went through: " + report.summary());
        Api.Reply ready = api.get("health/ready", Api.ANONYMOUS);
        assertEquals(200, ready.status(), ready::toString);
    }

    /**
     * A subject the bot handed off with its consent to the handoff inside, so that generated handoffs get
     * past the consent guard and generated grants past the bot's scope (its own conversations' subjects).
     */
    private static String subject(Api api) {
        String subject = "fuzz-" + UUID.randomUUID();
        handOff(api, subject, ",\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"fuzz setup\"}");
        return subject;
    }

    /**
     * An escalation whose customer gave no contact fields and whose transcript holds no identifier:
     * generated reveals find nothing to open, so they never use up an agent's reveal limit that later
     * tests need.
     */
    private static String escalation(Api api, String subject, boolean claimed) {
        String id = handOff(api, subject, "");
        if (claimed) {
            assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        }
        return id;
    }

    private static String handOff(Api api, String subject, String more) {
        Api.Reply created = api.post("api/v1/escalations", Api.BOT, """
                {"conversationId":"conv-%s","subjectId":"%s","language":"en","reason":"fuzzing","customer":{},
                 "transcript":[{"from":"CUSTOMER","text":"I need a human, please.","at":"2026-11-29T10:00:00Z"}]%s}"""
                .formatted(UUID.randomUUID(), subject, more));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    /**
     * Ids of what exists (rotations, sweeps, erasures, deliveries), from the admin's lists: every id in
     * the answers of the parameterless GETs. Escalations of other tests are left out: their customers'
     * values are real, and revealing them would use up the agents' reveal limit.
     */
    private static Set<String> existingIds(Api api, OpenApi document) {
        Set<String> ids = new LinkedHashSet<>();
        for (OpenApi.Operation operation : document.operations()) {
            if (operation.method().equals("GET") && operation.parameters().isEmpty() && operation.allows("admin")
                    && !operation.path().endsWith("/events")) {
                Api.Reply list = api.get(operation.path().substring(1), Api.ADMIN);
                Matcher found = UUID_TEXT.matcher(list.status() == 200 ? list.text() : "");
                while (found.find() && ids.size() < 40) {
                    ids.add(found.group());
                }
            }
        }
        ids.removeIf(id -> api.get("api/v1/escalations/" + id, Api.ADMIN).status() == 200);
        return ids;
    }

    private static List<String> purposes(Api api) {
        return api.get("api/v1/privacy-notice?lang=en", Api.ANONYMOUS).json().getJsonArray("purposes")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }

    /**
     * Rotations and sweeps the fuzzer started run to their end, and what it queued for the CRM is
     * delivered, before the next test class takes the server.
     */
    private static void leaveTheServerQuiet(Api api) throws Exception {
        Eventually.until("no key rotation or retention sweep still running", Duration.ofSeconds(90), () ->
                !api.get("api/v1/keys", Api.ADMIN).text().contains("\"RUNNING\"")
                        && !api.get("api/v1/retention/sweeps", Api.ADMIN).text().contains("\"RUNNING\""));
        Eventually.until("the CRM stand-in receives nothing more", Duration.ofSeconds(60), () -> {
            int before = CRM.received.size();
            Thread.sleep(1_500);
            return CRM.received.size() == before;
        });
    }
}
