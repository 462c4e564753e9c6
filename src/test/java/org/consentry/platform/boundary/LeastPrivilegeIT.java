package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.Tokens;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.consentry.testing.inserver.CrmRecorder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 7 of the security review, least privilege for the CRM: the relationship's end is reported by
 * the crm role, not by an admin (who also holds export, erasure and keys); a bot records consent only for
 * the subject of a conversation it handed off or is handing off (the consent inside the handoff or the
 * lead); an admin records a grant on the subject's behalf only with an evidence reference. Inside the
 * server, so that the tables are read directly; the bearer-token case runs as a client, where the
 * token's signing key is.
 */
@ExtendWith(ArquillianExtension.class)
@Proves(Duty.GDPR_32)
class LeastPrivilegeIT {

    static final String BOT_GRANT = "{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"message m-5\"}";
    static final String PAPER_FORM = "paper form PF-2026-0042, signed at the branch";
    static final String ADMIN_GRANT = "{\"noticeVersion\":\"2026-11\",\"channel\":\"paper-form\",\"evidence\":\"" + PAPER_FORM + "\"}";

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers(Tokens.serverConfig() + """
                config_ordinal=700
                consentry.crm.url=%s
                consentry.crm.secret=whsec_bGVhc3QtcHJpdmlsZWdlLWl0LXNlY3JldC0xMjM0NQ==
                consentry.crm.allow-http=true
                consentry.outbox.poll-interval=PT1H
                """.formatted(CrmRecorder.url()));
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    Api api;
    Db db;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        db = dataSource == null ? null : new Db(dataSource);
    }

    @Test
    void theRelationshipEndIsReportedByTheCrmRoleAndNotByAnAdmin() throws Exception {
        String subject = "lp-end-" + UUID.randomUUID();
        // a paper-form consent recorded by an admin, then a lead the bot captures: contact data the CRM
        // keeps until the relationship ends
        Api.Reply granted = api.put("api/v1/subjects/" + subject + "/consents/crm-sync", Api.ADMIN, ADMIN_GRANT);
        assertEquals(200, granted.status(), granted::toString);
        Api.Reply lead = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT,
                "{\"name\":\"Ewa Lis\",\"email\":\"ewa.lis@example.pl\"}");
        assertEquals(202, lead.status(), lead::toString);
        assertNull(contactRow(subject).get("retain_until"), "kept while the relationship lasts");

        Api.Reply byAdmin = api.post("api/v1/subjects/" + subject + "/relationship-end", Api.ADMIN, "");
        assertEquals(403, byAdmin.status(), byAdmin::toString);
        assertTrue(byAdmin.problem().getString("type").endsWith("/forbidden"), byAdmin::toString);
        assertNull(contactRow(subject).get("retain_until"), "an admin's refused report starts no clock");

        Api.Reply byCrm = api.post("api/v1/subjects/" + subject + "/relationship-end", Api.CRM, "");
        assertEquals(200, byCrm.status(), byCrm::toString);
        assertEquals(1, byCrm.json().getJsonObject("stamped").getInt("crm_contact"), byCrm::toString);
        Instant endedAt = Instant.parse(byCrm.json().getString("endedAt")).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> row = contactRow(subject);
        assertEquals(endedAt, ((Timestamp) row.get("retention_start")).toInstant(), "the clock starts at the reported end");
        assertNotNull(row.get("retain_until"), "the contact now counts down: " + row);
        assertEquals(1, db.rows("SELECT id FROM audit_event WHERE action = 'retention.relationship-end' AND actor = 'crm'"
                + " AND actor_role = 'crm'"
                + " AND detail LIKE ? AND occurred_at >= ?", "%crm_contact=1%", Timestamp.from(endedAt.minusSeconds(1))).size(),
                "the report is audited with the crm caller");

        for (String adminOnly : List.of("api/v1/subjects/" + subject + "/export", "api/v1/audit/verification",
                "api/v1/retention/policies", "api/v1/erasures")) {
            Api.Reply refused = api.get(adminOnly, Api.CRM);
            assertEquals(403, refused.status(), adminOnly + " as crm: " + refused);
            assertTrue(refused.problem().getString("type").endsWith("/forbidden"), refused::toString);
        }
    }

    @Test
    void aBotCannotGrantConsentForASubjectItHasNoConversationWith() throws Exception {
        String stranger = "lp-stranger-" + UUID.randomUUID();
        for (String purpose : List.of("support-handoff", "crm-sync")) {
            Api.Reply refused = api.put("api/v1/subjects/" + stranger + "/consents/" + purpose, Api.BOT, BOT_GRANT);
            assertEquals(403, refused.status(), refused::toString);
            JsonObject problem = refused.problem();
            assertTrue(problem.getString("type").endsWith("/subject-not-handed-off"), refused::toString);
            assertEquals(purpose, problem.getString("purpose"));
        }
        assertEquals(List.of(), db.rows("SELECT id FROM consent_record WHERE subject_id = ?", stranger), "no consent is written");
        Api.Reply handoff = api.post("api/v1/escalations", Api.BOT, new Handoff().json());
        assertEquals(403, handoff.status(), "without a consent the handoff is still refused: " + handoff);
        assertTrue(handoff.problem().getString("type").endsWith("/consent-required"), handoff::toString);
    }

    @Test
    void theBotsDocumentedFlowStillWorks() throws Exception {
        // 1. the consent travels inside the handoff: both are stored in one transaction
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        Map<String, Object> consent = only(db.rows("SELECT purpose, status, granted_by, evidence FROM consent_record"
                + " WHERE subject_id = ?", handoff.subjectId));
        assertEquals("support-handoff", consent.get("purpose"));
        assertEquals("GRANTED", consent.get("status"));
        assertEquals("bot", consent.get("granted_by"));
        assertEquals(Handoff.EVIDENCE, consent.get("evidence"));
        assertEquals("bot", only(db.rows("SELECT handed_off_by FROM escalation WHERE id = ?", id)).get("handed_off_by"));

        // 2. later consents of the subject the bot handed off: recorded as before
        Api.Reply crmSync = api.put("api/v1/subjects/" + handoff.subjectId + "/consents/crm-sync", Api.BOT, BOT_GRANT);
        assertEquals(200, crmSync.status(), crmSync::toString);
        assertEquals("bot", crmSync.json().getString("grantedBy"));
        assertEquals(2, db.rows("SELECT id FROM consent_record WHERE subject_id = ? AND status = 'GRANTED'",
                handoff.subjectId).size());

        // 3. a lead without a handoff carries its consent to crm-sync the same way
        String leadSubject = "lp-lead-" + UUID.randomUUID();
        Api.Reply lead = api.post("api/v1/subjects/" + leadSubject + "/crm-sync", Api.BOT,
                "{\"name\":\"Jan Lis\",\"email\":\"jan.lis@example.pl\",\"consent\":" + BOT_GRANT + "}");
        assertEquals(202, lead.status(), lead::toString);
        Map<String, Object> leadConsent = only(db.rows("SELECT purpose, granted_by FROM consent_record WHERE subject_id = ?",
                leadSubject));
        assertEquals("crm-sync", leadConsent.get("purpose"));
        assertEquals("bot", leadConsent.get("granted_by"));
        assertEquals(1, db.rows("SELECT id FROM crm_contact WHERE subject_id = ?", leadSubject).size());
    }

    @Test
    @RunAsClient
    void anotherBotPrincipalCannotGrantForTheFirstBotsConversation() {
        Handoff handoff = new Handoff().withConsent();
        Api.Reply created = api.send(bearer("api/v1/escalations", "bot-a").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(handoff.json())));
        assertEquals(201, created.status(), created::toString);

        Api.Reply other = api.send(bearer("api/v1/subjects/" + handoff.subjectId + "/consents/crm-sync", "bot-b")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(BOT_GRANT)));
        assertEquals(403, other.status(), other::toString);
        assertTrue(other.problem().getString("type").endsWith("/subject-not-handed-off"), other::toString);
        JsonObject history = api.get("api/v1/subjects/" + handoff.subjectId + "/consents", Api.ADMIN).json();
        assertEquals(1, history.getJsonArray("history").size(), history::toString);
        assertEquals("bot-a", history.getJsonArray("history").getJsonObject(0).getString("grantedBy"));

        Api.Reply owner = api.send(bearer("api/v1/subjects/" + handoff.subjectId + "/consents/crm-sync", "bot-a")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(BOT_GRANT)));
        assertEquals(200, owner.status(), owner::toString);
        assertEquals("bot-a", owner.json().getString("grantedBy"));
    }

    @Test
    @Proves(Duty.GDPR_7_1)
    void anAdminGrantWithoutAnEvidenceReferenceIsRefusedAndWritesNothing() throws Exception {
        String subject = "lp-paper-" + UUID.randomUUID();
        String path = "api/v1/subjects/" + subject + "/consents/crm-sync";
        for (String body : List.of("{\"noticeVersion\":\"2026-11\",\"channel\":\"paper-form\"}",
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"paper-form\",\"evidence\":\"   \"}",
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"paper-form\",\"evidence\":\"" + "x".repeat(2001) + "\"}")) {
            Api.Reply refused = api.put(path, Api.ADMIN, body);
            assertEquals(400, refused.status(), refused::toString);
            assertEquals("evidence", refused.problem().getJsonArray("errors").getJsonObject(0).getString("field"), refused::toString);
        }
        assertEquals(List.of(), db.rows("SELECT id FROM consent_record WHERE subject_id = ?", subject), "nothing is written");

        Api.Reply recorded = api.put(path, Api.ADMIN, ADMIN_GRANT);
        assertEquals(200, recorded.status(), recorded::toString);
        Map<String, Object> row = only(db.rows("SELECT granted_by, channel, evidence FROM consent_record WHERE subject_id = ?", subject));
        assertEquals("admin", row.get("granted_by"));
        assertEquals(PAPER_FORM, row.get("evidence"));
    }

    private Map<String, Object> contactRow(String subject) throws Exception {
        return only(db.rows("SELECT retention_start, retain_until FROM crm_contact WHERE subject_id = ?", subject));
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows) {
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }

    private HttpRequest.Builder bearer(String path, String bot) {
        return api.request(path, Api.ANONYMOUS).header("Authorization", "Bearer " + Tokens.token(bot, "bot"));
    }
}
