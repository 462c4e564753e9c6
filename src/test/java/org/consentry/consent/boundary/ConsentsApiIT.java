package org.consentry.consent.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consent endpoints over HTTP, on the packaged application: bodies, roles and problems. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentsApiIT {

    private static final String GRANT = """
            {"noticeVersion":"2026-11","channel":"chat-widget","evidence":"message m-17: customer clicked 'Yes, hand me over'"}""";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    String subject;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        subject = "cust-" + UUID.randomUUID();
    }

    /**
     * Makes the test's subject one the bot handed off (with its consent to support-handoff inside the
     * handoff): only for such a subject may the bot record consents itself (LeastPrivilegeIT).
     */
    private void handedOff() {
        Handoff handoff = new Handoff().withConsent();
        handoff.handOff(api);
        subject = handoff.subjectId;
    }

    /** The subject's records of one purpose. */
    private List<JsonObject> history(String purpose) {
        return api.get(consents(null), Api.ADMIN).json().getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("purpose").equals(purpose)).toList();
    }

    private String consents(String purpose) {
        return "api/v1/subjects/" + subject + "/consents" + (purpose == null ? "" : "/" + purpose);
    }

    @Test
    @Proves(Duty.GDPR_7_1)
    void grantRecordsNoticeChannelEvidenceTimeAndCaller() {
        handedOff();
        Instant before = Instant.now().minusSeconds(1);
        var reply = api.put(consents("crm-sync"), Api.BOT, GRANT);

        assertEquals(200, reply.status(), reply::toString);
        JsonObject record = reply.json();
        assertEquals(subject, record.getString("subjectId"));
        assertEquals("crm-sync", record.getString("purpose"));
        assertEquals("GRANTED", record.getString("status"));
        assertEquals("2026-11", record.getString("noticeVersion"));
        assertEquals("chat-widget", record.getString("channel"));
        assertEquals("message m-17: customer clicked 'Yes, hand me over'", record.getString("evidence"));
        assertEquals("bot", record.getString("grantedBy"));
        Instant grantedAt = Instant.parse(record.getString("grantedAt"));
        assertTrue(grantedAt.isAfter(before) && grantedAt.isBefore(Instant.now().plusSeconds(1)), grantedAt::toString);

        JsonObject state = stateOf(api.get(consents(null), Api.ADMIN).json(), "crm-sync");
        assertEquals("GRANTED", state.getString("status"));
        assertTrue(state.getBoolean("current"));
        assertEquals(record.getString("grantedAt"), state.getString("grantedAt"));
    }

    @Test
    void repeatingTheSameGrantChangesNothing() {
        handedOff();
        var first = api.put(consents("crm-sync"), Api.BOT, GRANT).json();
        var second = api.put(consents("crm-sync"), Api.BOT, GRANT).json();

        assertEquals(first, second);
        assertEquals(1, history("crm-sync").size());
    }

    @Test
    @Proves({Duty.GDPR_7_3, Duty.GDPR_7_1})
    void withdrawalEndsTheConsentAndKeepsTheHistory() {
        handedOff();
        api.put(consents("crm-sync"), Api.BOT, GRANT);
        var withdrawn = api.delete(consents("crm-sync"), Api.BOT);
        assertEquals(204, withdrawn.status(), withdrawn::toString);

        JsonObject all = api.get(consents(null), Api.ADMIN).json();
        JsonObject state = stateOf(all, "crm-sync");
        assertEquals("WITHDRAWN", state.getString("status"));
        assertFalse(state.getBoolean("current"));
        assertNotNull(state.getString("withdrawnAt"));
        var history = history("crm-sync");
        assertEquals(1, history.size());
        JsonObject record = history.get(0);
        assertEquals("WITHDRAWN", record.getString("status"));
        assertEquals("bot", record.getString("endedBy"));
        assertEquals(state.getString("withdrawnAt"), record.getString("endedAt"));
        assertEquals("message m-17: customer clicked 'Yes, hand me over'", record.getString("evidence"));

        // withdrawing again is harmless; granting again starts a new record beside the old one
        assertEquals(204, api.delete(consents("crm-sync"), Api.BOT).status());
        api.put(consents("crm-sync"), Api.ADMIN, GRANT);
        var again = history("crm-sync");
        assertEquals(2, again.size());
        assertEquals("GRANTED", stateOf(api.get(consents(null), Api.BOT).json(), "crm-sync").getString("status"));
        assertEquals("admin", again.get(1).getString("grantedBy"));
    }

    @Test
    @Proves(Duty.GDPR_25)
    void aSubjectWithNoConsentShowsEveryPurposeNotGiven() {
        JsonObject all = api.get(consents(null), Api.BOT).json();
        assertEquals(subject, all.getString("subjectId"));
        assertEquals(0, all.getJsonArray("history").size());
        for (String purpose : new String[] {"support-handoff", "crm-sync", "transcript-analytics"}) {
            JsonObject state = stateOf(all, purpose);
            assertEquals("NOT_GIVEN", state.getString("status"));
            assertFalse(state.getBoolean("current"));
            assertEquals("CONSENT", state.getString("lawfulBasis"));
            assertEquals("2026-11", state.getString("currentNoticeVersion"));
        }
    }

    @Test
    void withoutCredentialsTheAnswerIs401Problem() {
        var reply = api.get(consents(null), Api.ANONYMOUS);
        assertEquals(401, reply.status());
        assertTrue(reply.problem().getString("type").endsWith("/unauthenticated"));
        assertNotNull(reply.header("WWW-Authenticate"));

        var wrongPassword = api.get(consents(null), "bot:not-the-password");
        assertEquals(401, wrongPassword.status());
        wrongPassword.problem();
    }

    @Test
    @Proves(Duty.GDPR_32)
    void agentsMayNotTouchConsents() {
        for (var reply : new Api.Reply[] {
                api.get(consents(null), Api.AGENT1),
                api.put(consents("crm-sync"), Api.AGENT2, GRANT),
                api.delete(consents("crm-sync"), Api.AGENT1)}) {
            assertEquals(403, reply.status(), reply::toString);
            assertTrue(reply.problem().getString("type").endsWith("/forbidden"));
        }
        assertEquals(0, api.get(consents(null), Api.ADMIN).json().getJsonArray("history").size(),
                "nothing was stored by the refused grant");
    }

    @Test
    void anInvalidSubjectIdIs400NamingTheField() {
        var reply = api.put("api/v1/subjects/has%20space/consents/crm-sync", Api.BOT, GRANT);
        assertEquals(400, reply.status());
        JsonObject problem = reply.problem();
        assertTrue(problem.getString("type").endsWith("/validation-failed"));
        assertEquals("subjectId", problem.getJsonArray("errors").getJsonObject(0).getString("field"));

        String tooLong = "a".repeat(129);
        var long1 = api.get("api/v1/subjects/" + tooLong + "/consents", Api.BOT);
        assertEquals(400, long1.status());
        assertEquals("subjectId", long1.problem().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void anUnknownPurposeIs404NamingIt() {
        var reply = api.put(consents("newsletter"), Api.BOT, GRANT);
        assertEquals(404, reply.status());
        JsonObject problem = reply.problem();
        assertTrue(problem.getString("type").endsWith("/unknown-purpose"));
        assertEquals("newsletter", problem.getString("purpose"));
        assertEquals(404, api.delete(consents("newsletter"), Api.BOT).problem().getInt("status"));
    }

    @Test
    @Proves(Duty.GDPR_7_1)
    void aNoticeVersionThatIsNotCurrentIsRefused() {
        handedOff();
        var reply = api.put(consents("crm-sync"), Api.BOT, GRANT.replace("2026-11", "2019-01"));
        assertEquals(400, reply.status());
        JsonObject problem = reply.problem();
        assertTrue(problem.getString("type").endsWith("/notice-version-not-accepted"));
        assertEquals("noticeVersion", problem.getString("field"));
        assertEquals("2026-11", problem.getString("currentNoticeVersion"));
    }

    @Test
    void missingAndInvalidMembersAreNamed() {
        var reply = api.put(consents("crm-sync"), Api.BOT, "{\"noticeVersion\":\"2026-11\",\"channel\":\"chat widget\"}");
        assertEquals(400, reply.status());
        var errors = reply.problem().getJsonArray("errors");
        assertTrue(errors.stream().anyMatch(e -> e.asJsonObject().getString("field").equals("evidence")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.asJsonObject().getString("field").equals("channel")), errors::toString);
    }

    @Test
    @Proves(Duty.GDPR_5_1_C)
    void evidenceMustBeAReferenceNotPersonalData() {
        var reply = api.put(consents("crm-sync"), Api.BOT,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"web\",\"evidence\":\"agreed by jan.k@example.com, tel. 601 234 567\"}");
        assertEquals(400, reply.status());
        JsonObject error = reply.problem().getJsonArray("errors").getJsonObject(0);
        assertEquals("evidence", error.getString("field"));
        assertTrue(error.getString("message").contains("EMAIL"), error::toString);
        assertTrue(error.getString("message").contains("PHONE"), error::toString);
        assertTrue(!reply.text().contains("jan.k@example.com") && !reply.text().contains("601 234 567"),
                "the problem never repeats the value");
        assertEquals(0, api.get(consents(null), Api.BOT).json().getJsonArray("history").size());
    }

    @Test
    void unknownMembersAndWrongTypesAreRejectedByName() {
        var reply = api.put(consents("crm-sync"), Api.BOT,
                "{\"noticeVersion\":2026,\"channel\":\"web\",\"evidence\":\"e\",\"marketing\":true}");
        assertEquals(400, reply.status());
        JsonObject problem = reply.problem();
        var errors = problem.getJsonArray("errors");
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.asJsonObject().getString("field").equals("marketing")
                && e.asJsonObject().getString("message").equals("unknown member")));
        assertTrue(errors.stream().anyMatch(e -> e.asJsonObject().getString("field").equals("noticeVersion")
                && e.asJsonObject().getString("message").equals("must be a string")));
    }

    @Test
    void malformedJsonAndMissingBodyAre400() {
        var malformed = api.put(consents("crm-sync"), Api.BOT, "{\"noticeVersion\":");
        assertEquals(400, malformed.status());
        assertTrue(malformed.problem().getString("type").endsWith("/malformed-body"));

        var empty = api.put(consents("crm-sync"), Api.BOT, "");
        assertEquals(400, empty.status());
        assertEquals("body", empty.problem().getString("field"));
    }

    @Test
    void aWrongContentTypeIs415() {
        var reply = api.send(api.request(consents("crm-sync"), Api.BOT)
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(GRANT)));
        assertEquals(415, reply.status());
        assertTrue(reply.problem().getString("type").endsWith("/unsupported-media-type"));
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutContentLength() {
        String huge = "{\"noticeVersion\":\"" + "x".repeat(300_000) + "\"}";
        var declared = api.put(consents("crm-sync"), Api.BOT, huge);
        assertEquals(413, declared.status());
        assertEquals(262144, declared.problem().getInt("limit"));

        // A streamed body declares no length: it is cut off while it is read.
        var chunked = api.send(api.request(consents("crm-sync"), Api.BOT).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes()))));
        assertEquals(413, chunked.status());
        chunked.problem();
        assertNull(stateOf(api.get(consents(null), Api.BOT).json(), "crm-sync").get("grantedAt"));
    }

    @Test
    void anUnsupportedMethodIs405WithAllow() {
        var reply = api.post(consents(null), Api.BOT, "{}");
        assertEquals(405, reply.status());
        reply.problem();
        assertTrue(reply.header("Allow").contains("GET"), reply.header("Allow"));
    }

    @Test
    void concurrentGrantsLeaveOneLiveRecord() throws Exception {
        handedOff();
        int callers = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var replies = new java.util.ArrayList<java.util.concurrent.Future<Api.Reply>>();
            for (int i = 0; i < callers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.put(consents("transcript-analytics"), Api.BOT, GRANT);
                }));
            }
            start.countDown();
            int ok = 0;
            for (var reply : replies) {
                Api.Reply r = reply.get();
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertEquals(409, r.status(), r::toString);
                    assertTrue(r.problem().getString("type").endsWith("/conflict"));
                }
            }
            assertTrue(ok >= 1, "at least one caller wins");
        } finally {
            pool.shutdownNow();
        }
        var history = history("transcript-analytics");
        assertEquals(1, history.size(), "identical concurrent grants store one record: " + history);
        assertEquals("GRANTED", history.get(0).getString("status"));
    }

    private static JsonObject stateOf(JsonObject all, String purpose) {
        return all.getJsonArray("purposes").stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("purpose").equals(purpose)).findFirst()
                .orElseThrow(() -> new AssertionError("no state for " + purpose + " in " + all));
    }
}
