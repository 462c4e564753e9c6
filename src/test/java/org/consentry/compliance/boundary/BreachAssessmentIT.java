package org.consentry.compliance.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GDPR Art. 33/34 on real data: a customer handed off before the window and one during it; what a
 * database dump, a dump with the KEK, and a server's memory expose of each, the 72 hours, the audit entry.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Proves({Duty.GDPR_33, Duty.GDPR_34})
class BreachAssessmentIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    Handoff before;
    Handoff during;
    Instant from;
    Instant to;

    /** Once for the class (Arquillian injects the URL before each test, not before all). */
    @BeforeEach
    void twoCustomers() throws Exception {
        if (before != null) {
            return;
        }
        api = new Api(base);
        before = new Handoff().withConsent();
        before.handOff(api);
        Thread.sleep(1100);
        from = Instant.now();
        during = new Handoff().withConsent();
        during.handOff(api);
        to = Instant.now().plusMillis(500);
        Thread.sleep(600);
    }

    @Test
    void aDumpExposesBothCustomersButTheirContactAndChatStayUnintelligible() {
        JsonObject assessment = assess(List.of(kind("DATABASE_DUMP")));
        Map<String, JsonObject> subjects = subjects(assessment);
        for (Handoff h : List.of(before, during)) {
            Map<String, Boolean> unintelligible = categories(subjects.get(h.subjectId));
            assertEquals(Map.of("contact", true, "transcript", true, "activity", false), unintelligible, assessment::toString);
            assertFalse(subjects.get(h.subjectId).getBoolean("notifySubject"), "metadata alone is not a high risk");
        }
        assertTrue(assessment.getJsonNumber("subjectsExposed").longValue() >= 2);
        assertTrue(assessment.getBoolean("notifyAuthority"), "clear metadata was exposed");
        Instant discovered = Instant.parse(assessment.getString("discoveredAt"));
        assertEquals(discovered.plus(Duration.ofHours(72)), Instant.parse(assessment.getString("notifyAuthorityBy")));
        assertFalse(assessment.getBoolean("deadlinePassed"));
        assertFalse(assessment.toString().contains(Handoff.EMAIL) || assessment.toString().contains("Wiśniewska"), "no values");
    }

    @Test
    void aDumpWithTheKekThatWrapsTheirKeysOpensTheirContactAndChat() {
        int primary = api.get("api/v1/keys", Api.ADMIN).json().getInt("primaryVersion");
        JsonObject assessment = assess(List.of(kind("DATABASE_DUMP"),
                Json.createObjectBuilder().add("kind", "KEK_VERSION").add("version", primary).build()));
        JsonObject subject = subjects(assessment).get(during.subjectId);
        assertEquals(Map.of("contact", false, "transcript", false, "activity", false), categories(subject), assessment::toString);
        assertTrue(subject.getBoolean("notifySubject"));
        assertTrue(assessment.getBoolean("notifySubjects"));
        assertTrue(assessment.getJsonArray("recommendations").toString().contains("/api/v1/keys/rotation"));
    }

    @Test
    void aServersMemoryExposesOnlyTheCustomerItProcessedInTheWindow() {
        JsonObject assessment = assess(List.of(Json.createObjectBuilder().add("kind", "SERVER_MEMORY").add("server", "node1").build()));
        Map<String, JsonObject> subjects = subjects(assessment);
        assertFalse(subjects.containsKey(before.subjectId), "handed off before the window: " + assessment);
        JsonObject subject = subjects.get(during.subjectId);
        assertTrue(categories(subject).values().stream().noneMatch(u -> u), "in clear in memory: " + subject);
        assertEquals(List.of("SERVER_MEMORY"), subject.getJsonArray("categories").getJsonObject(0).getJsonArray("via")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void everyAssessmentIsAuditedWithCountsOnly() {
        Instant since = Instant.now().minusSeconds(1);
        String id = assess(List.of(kind("CRM_CONNECTOR"))).getString("assessmentId");
        var events = api.get("api/v1/audit?from=" + since, Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class);
        JsonObject event = events.stream().filter(e -> e.getString("action").equals("breach.assessment")).findFirst()
                .orElseThrow(() -> new AssertionError(events.toString()));
        assertTrue(event.getString("detail").contains("assessment " + id), event::toString);
        assertTrue(event.getString("detail").contains("CRM_CONNECTOR"));
        assertFalse(event.toString().contains(during.subjectId) || event.toString().contains(before.subjectId));
    }

    @Test
    void badRequestsAreProblemsAndOnlyAdminsAssess() {
        var backwards = api.post("api/v1/breach-assessments", Api.ADMIN, body(to, from, List.of(kind("DATABASE_DUMP"))));
        assertEquals(400, backwards.status(), backwards::toString);
        assertEquals("from", backwards.problem().getString("field"));
        var noVersion = api.post("api/v1/breach-assessments", Api.ADMIN, body(from, to, List.of(kind("KEK_VERSION"))));
        assertEquals(400, noVersion.status(), noVersion::toString);
        assertEquals("compromised[0].version", noVersion.problem().getString("field"));
        var unknown = api.post("api/v1/breach-assessments", Api.ADMIN, body(from, to, List.of(kind("LAPTOP"))));
        assertEquals(400, unknown.status(), unknown::toString);
        var nothing = api.post("api/v1/breach-assessments", Api.ADMIN, body(from, to, List.of()));
        assertEquals(400, nothing.status(), nothing::toString);
        assertEquals(403, api.post("api/v1/breach-assessments", Api.AGENT1, body(from, to, List.of(kind("DATABASE_DUMP"))))
                .problem().getInt("status"));
        assertEquals(403, api.post("api/v1/breach-assessments", Api.BOT, body(from, to, List.of(kind("DATABASE_DUMP"))))
                .problem().getInt("status"));
    }

    private JsonObject assess(List<JsonObject> compromised) {
        JsonArrayBuilder ids = Json.createArrayBuilder().add(before.subjectId).add(during.subjectId);
        String json = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(body(from, to, compromised))).readObject())
                .add("subjectIds", ids).build().toString();
        var reply = api.post("api/v1/breach-assessments", Api.ADMIN, json);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static String body(Instant from, Instant to, List<JsonObject> compromised) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        compromised.forEach(items::add);
        return Json.createObjectBuilder().add("from", from.toString()).add("to", to.toString()).add("compromised", items)
                .build().toString();
    }

    private static JsonObject kind(String kind) {
        return Json.createObjectBuilder().add("kind", kind).build();
    }

    private static Map<String, JsonObject> subjects(JsonObject assessment) {
        return assessment.getJsonArray("subjects").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(s -> s.getString("subjectId"), s -> s));
    }

    private static Map<String, Boolean> categories(JsonObject subject) {
        return subject.getJsonArray("categories").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("category"), c -> c.getBoolean("unintelligible")));
    }
}
