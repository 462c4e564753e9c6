package org.consentry.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit over HTTP: admins only, filtered by subject and time, never showing the subject's id. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    @Proves({Duty.GDPR_7_1, Duty.GDPR_32})
    void consentChangesAreAuditedAndFoundBySubject() {
        Api api = new Api(base);
        Instant start = Instant.now().minusSeconds(1);
        Handoff handoff = new Handoff().withConsent(); // the bot's own conversation: it may record the subject's consents
        handoff.handOff(api);
        String subject = handoff.subjectId;
        assertEquals(200, api.put("api/v1/subjects/" + subject + "/consents/crm-sync", Api.BOT,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"web\",\"evidence\":\"form f-1\"}").status());
        api.delete("api/v1/subjects/" + subject + "/consents/crm-sync", Api.ADMIN);

        var reply = api.get("api/v1/audit?subjectId=" + subject + "&from=" + start, Api.ADMIN);
        assertEquals(200, reply.status(), reply::toString);
        assertFalse(reply.text().contains(subject), "the subject's id never appears in the audit");
        List<JsonObject> events = reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(e -> "crm-sync".equals(e.getString("purpose", null))).toList();
        assertEquals(List.of("consent.withdraw", "consent.grant"), events.stream().map(e -> e.getString("action")).toList());
        JsonObject grant = events.get(1);
        assertEquals("bot", grant.getString("actor"));
        assertEquals("bot", grant.getString("role"));
        assertEquals("crm-sync", grant.getString("purpose"));
        assertEquals("DONE", grant.getString("outcome"));
        assertTrue(grant.getString("detail").contains("notice 2026-11"));
        assertEquals("admin", events.get(0).getString("actor"));
        assertEquals(events.get(0).getString("subjectRef"), grant.getString("subjectRef"));

        var later = api.get("api/v1/audit?subjectId=" + subject + "&from=" + Instant.now().plusSeconds(60), Api.ADMIN);
        assertEquals(0, later.structure().asJsonArray().size());
    }

    @Test
    @Proves(Duty.GDPR_32)
    void theChainVerifies() {
        Api api = new Api(base);
        assertEquals(200, api.put("api/v1/subjects/audit-" + UUID.randomUUID() + "/consents/crm-sync", Api.ADMIN,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"web\",\"evidence\":\"form f-2\"}").status());
        var reply = api.get("api/v1/audit/verification", Api.ADMIN);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.json().getBoolean("valid"), reply::toString);
        assertTrue(reply.json().getJsonNumber("entries").longValue() >= 1);
        assertEquals(0, reply.json().getJsonNumber("pending").longValue(), "verification links what is pending first");
    }

    @Test
    @Proves(Duty.GDPR_32)
    void onlyAdminsReadTheAudit() {
        Api api = new Api(base);
        for (String user : new String[] {Api.BOT, Api.AGENT1}) {
            assertEquals(403, api.get("api/v1/audit", user).problem().getInt("status"));
            assertEquals(403, api.get("api/v1/audit/verification", user).problem().getInt("status"));
        }
        assertEquals(401, api.get("api/v1/audit", Api.ANONYMOUS).status());
    }

    @Test
    void badFiltersAre400() {
        Api api = new Api(base);
        var reply = api.get("api/v1/audit?from=yesterday&limit=5000", Api.ADMIN);
        assertEquals(400, reply.status());
        var fields = reply.problem().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("from", "limit")), fields::toString);
    }
}
