package org.consentry.retention.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.retention.control.JobLock;
import org.consentry.retention.control.RetainedTables;
import org.consentry.retention.control.SweepBatches;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionAction;
import org.consentry.retention.entity.SweepRun;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.MovableClock;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.consentry.testing.inserver.CrmRecorder;
import org.consentry.testing.inserver.SharedCache;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention on the real database, inside the server with a clock the test moves: rows are stamped per
 * category by the entity listener (and again when a conversation closes), a policy change re-stamps
 * what is stored, a sweep removes exactly what is due and nothing else (checked with SQL over every
 * retained table), a stopped sweep resumes, two sweeps at once handle each row once, and no swept row
 * is ever served afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@Proves(Duty.GDPR_5_1_E)
class RetentionIT {

    static final List<String> TABLES = List.of("escalation", "escalation_message", "pii_token", "consent_record",
            "crm_contact", "crm_token", "outbox_entry");
    static final String NOT_HELD = " AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.live = 'Y' AND h.subject_id = t.subject_id)";

    /**
     * A sweep's report is compared with counts taken just before it over whole tables, which hold what
     * earlier deployments left too. So no background work of this deployment writes a retained row on
     * its own between the count and the sweep: the outbox worker (which would settle leftover deliveries
     * with a clock the test moves), the queue feed (whose pruning deletes events by that clock) and the
     * erasure worker (which erases, cancels deliveries, forgets subjects) only wake when this test's own
     * requests ask them to (an enqueue wakes the outbox at once, so the lead below is still delivered).
     */
    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers("""
                config_ordinal=700
                consentry.retention.sweep.every=PT0S
                consentry.retention.sweep.batch=7
                consentry.retention.sweep.lease=PT30S
                consentry.retention.policy-cache-ttl=PT0.5S
                consentry.crm.url=%s
                consentry.crm.secret=whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=
                consentry.crm.allow-http=true
                consentry.outbox.poll-interval=PT1H
                consentry.escalation.events-poll=PT1H
                consentry.erasure.poll=PT1H
                """.formatted(CrmRecorder.url()));
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Inject
    SharedCache cache;

    @Inject
    Clock clock;

    @Inject
    Sweeper sweeper;

    @Inject
    SweepBatch batches;

    @Inject
    JobLock lock;

    @Inject
    RetainedTables tables;

    Api api;
    Db db;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        db = new Db(dataSource);
    }

    @AfterEach
    void tearDown() {
        MovableClock.reset();
    }

    @Test
    void theListenerStampsEachCategoryAndClocksRestartWhenTheyShould() throws Exception {
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);

        Map<String, Object> escalation = db.rows("SELECT created_at, retention_start, retain_until FROM escalation WHERE id = ?", id).get(0);
        Instant created = at(escalation.get("created_at"));
        assertEquals(created, at(escalation.get("retention_start")), "activity counts from the handoff while open");
        assertEquals(plus(created, "P2Y"), at(escalation.get("retain_until")));
        List<Map<String, Object>> messages = db.rows("SELECT sent_at, retention_start, retain_until FROM escalation_message"
                + " WHERE escalation_id = ?", id);
        assertEquals(2, messages.size());
        for (Map<String, Object> m : messages) {
            assertEquals(at(m.get("sent_at")), at(m.get("retention_start")));
            assertEquals(plus(at(m.get("sent_at")), "P90D"), at(m.get("retain_until")), "transcript: P90D");
        }
        for (Map<String, Object> t : db.rows("SELECT created_at, retain_until FROM pii_token WHERE escalation_id = ?", id)) {
            assertEquals(plus(at(t.get("created_at")), "P90D"), at(t.get("retain_until")));
        }
        Map<String, Object> consent = db.rows("SELECT retention_start, retain_until FROM consent_record WHERE subject_id = ?",
                handoff.subjectId).get(0);
        assertNull(consent.get("retention_start"), "a live consent is kept");
        assertNull(consent.get("retain_until"));

        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        MovableClock.moveBy(Duration.ofMinutes(30));
        assertEquals(200, api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "").status());
        escalation = db.rows("SELECT resolved_at, retention_start, retain_until FROM escalation WHERE id = ?", id).get(0);
        Instant resolved = at(escalation.get("resolved_at"));
        assertEquals(resolved, at(escalation.get("retention_start")), "@PreUpdate: the clock restarts at the close");
        assertEquals(plus(resolved, "P2Y"), at(escalation.get("retain_until")));
        for (String table : List.of("escalation_message", "pii_token")) {
            for (Map<String, Object> row : db.rows("SELECT retention_start, retain_until FROM " + table + " WHERE escalation_id = ?", id)) {
                assertEquals(resolved, at(row.get("retention_start")), table + ": the transcript counts from the close");
                assertEquals(plus(resolved, "P90D"), at(row.get("retain_until")));
            }
        }

        assertEquals(204, api.delete("api/v1/subjects/" + handoff.subjectId + "/consents/support-handoff", Api.BOT).status());
        consent = db.rows("SELECT ended_at, retention_start, retain_until FROM consent_record WHERE subject_id = ?",
                handoff.subjectId).get(0);
        assertEquals(at(consent.get("ended_at")), at(consent.get("retention_start")), "a consent's record counts from its end");
        assertEquals(plus(at(consent.get("ended_at")), "P2Y"), at(consent.get("retain_until")));
    }

    @Test
    void contactDataWaitsForTheRelationshipToEndAndDeliveriesForTheirEnd() throws Exception {
        String subject = "lead-" + UUID.randomUUID();
        Api.Reply lead = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT,
                "{\"name\":\"Ewa Lis\",\"email\":\"ewa.lis@example.pl\",\"phone\":\"+48 602 111 222\","
                + "\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"message m-2\"}}");
        assertTrue(lead.status() < 300, lead::toString);
        String delivery = lead.json().getString("deliveryId");
        Eventually.until("the lead is delivered", Duration.ofSeconds(20), () -> "DELIVERED".equals(
                db.rows("SELECT status FROM outbox_entry WHERE id = ?", delivery).get(0).get("status")));
        Map<String, Object> entry = db.rows("SELECT delivered_at, retention_start, retain_until FROM outbox_entry WHERE id = ?",
                delivery).get(0);
        assertEquals(at(entry.get("delivered_at")), at(entry.get("retention_start")), "a delivery's record counts from its end");
        assertEquals(plus(at(entry.get("delivered_at")), "P30D"), at(entry.get("retain_until")), "technical: P30D");
        for (String table : List.of("crm_contact", "crm_token")) {
            List<Map<String, Object>> rows = db.rows("SELECT retention_start, retain_until FROM " + table + " WHERE subject_id = ?", subject);
            assertEquals(1, rows.size(), table);
            assertNull(rows.get(0).get("retain_until"), table + ": kept while the relationship lasts");
        }

        Api.Reply ended = api.post("api/v1/subjects/" + subject + "/relationship-end", Api.CRM, "");
        assertEquals(200, ended.status(), ended::toString);
        Instant endedAt = Instant.parse(ended.json().getString("endedAt"));
        assertEquals(1, ended.json().getJsonObject("stamped").getInt("crm_contact"));
        assertEquals(1, ended.json().getJsonObject("stamped").getInt("crm_token"));
        for (String table : List.of("crm_contact", "crm_token")) {
            Map<String, Object> row = db.rows("SELECT retention_start, retain_until FROM " + table + " WHERE subject_id = ?", subject).get(0);
            assertEquals(endedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), at(row.get("retention_start")));
            assertEquals(plus(at(row.get("retention_start")), "P30D"), at(row.get("retain_until")), table + ": P30D after the end");
        }
        assertEquals(403, api.post("api/v1/subjects/" + subject + "/relationship-end", Api.BOT, "").status());
        assertEquals(403, api.post("api/v1/subjects/" + subject + "/relationship-end", Api.ADMIN, "").status());
        assertFalse(db.rows("SELECT id FROM audit_event WHERE action = 'retention.relationship-end' AND detail LIKE ?",
                "%crm_contact=1%").isEmpty(), "the relationship's end is audited");
    }

    @Test
    void aPolicyChangeIsValidatedAuditedAndReStampsStoredRows() throws Exception {
        String id = new Handoff().withConsent().handOff(api);
        Api.Reply changed = api.put("api/v1/retention/policies/transcript", Api.ADMIN, "{\"period\":\"P30D\",\"action\":\"DELETE\"}");
        try {
            assertEquals(200, changed.status(), changed::toString);
            JsonObject policy = changed.json();
            assertEquals("P30D", policy.getString("period"));
            assertEquals("admin", policy.getString("source"));
            assertEquals("P90D", policy.getJsonObject("defaults").getString("period"));
            Eventually.until("the stored transcript is re-stamped to P30D", Duration.ofSeconds(20), () -> {
                for (Map<String, Object> m : db.rows("SELECT retention_start, retain_until FROM escalation_message WHERE escalation_id = ?", id)) {
                    if (!plus(at(m.get("retention_start")), "P30D").equals(at(m.get("retain_until")))) {
                        return false;
                    }
                }
                return true;
            });
            Eventually.until("the re-stamp is complete", Duration.ofSeconds(20), () -> db.rows(
                    "SELECT restamp FROM retention_policy WHERE category = 'transcript'").get(0).get("restamp") == null);
            assertEquals(1, db.rows("SELECT id FROM audit_event WHERE action = 'retention.policy' AND actor = 'admin'"
                    + " AND detail = 'transcript: P90D DELETE (default) -> P30D DELETE'").size(), "audited with the old and the new value");
            JsonObject notice = api.get("api/v1/privacy-notice?lang=en", Api.ANONYMOUS).json();
            assertTrue(notice.getJsonArray("dataCategories").getValuesAs(JsonObject.class).stream()
                    .anyMatch(c -> c.getString("id").equals("transcript") && c.getString("retention").equals("P30D")),
                    "the privacy notice tells the policy in force");
            String newId = new Handoff().withConsent().handOff(api);
            Map<String, Object> fresh = db.rows("SELECT sent_at, retain_until FROM escalation_message WHERE escalation_id = ?", newId).get(0);
            assertEquals(plus(at(fresh.get("sent_at")), "P30D"), at(fresh.get("retain_until")), "new rows get the new policy");

            assertInvalid("transcript", "{\"period\":\"P30D\",\"action\":\"ANONYMIZE\"}", "action");
            assertInvalid("transcript", "{\"period\":\"P0D\",\"action\":\"DELETE\"}", "period");
            assertInvalid("transcript", "{\"period\":\"P9999Y\",\"action\":\"DELETE\"}", "period");
            assertInvalid("transcript", "{\"period\":\"ninety days\",\"action\":\"DELETE\"}", "period");
            assertInvalid("transcript", "{\"period\":\"P30D\",\"action\":\"SHRED\"}", "action");
            assertInvalid("transcript", "{\"period\":\"P30D\",\"action\":\"DELETE\",\"extra\":1}", "extra");
            assertEquals(404, api.put("api/v1/retention/policies/biometrics", Api.ADMIN,
                    "{\"period\":\"P30D\",\"action\":\"DELETE\"}").status());
            assertEquals(403, api.put("api/v1/retention/policies/transcript", Api.AGENT1,
                    "{\"period\":\"P30D\",\"action\":\"DELETE\"}").status());
            assertEquals(200, api.put("api/v1/retention/policies/activity", Api.ADMIN,
                    "{\"period\":\"P3Y\",\"action\":\"ANONYMIZE\"}").status(), "activity rows can be anonymised");
        } finally {
            api.put("api/v1/retention/policies/transcript", Api.ADMIN, "{\"period\":\"P90D\",\"action\":\"DELETE\"}");
            api.put("api/v1/retention/policies/activity", Api.ADMIN, "{\"period\":\"P2Y\",\"action\":\"ANONYMIZE\"}");
            Eventually.until("the policies are back and re-stamped", Duration.ofSeconds(20), () -> db.rows(
                    "SELECT category FROM retention_policy WHERE restamp IS NOT NULL").isEmpty());
        }
    }

    private void assertInvalid(String category, String body, String field) {
        Api.Reply reply = api.put("api/v1/retention/policies/" + category, Api.ADMIN, body);
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.text().contains("\"" + field + "\""), "the problem names " + field + ": " + reply.text());
    }

    @Test
    void aSweepRemovesExactlyWhatIsDueSparesHeldSubjectsAndNothingIsServedAfterwards() throws Exception {
        Handoff plain = new Handoff().withConsent();
        String plainId = plain.handOff(api);
        Handoff held = new Handoff().withConsent();
        String heldId = held.handOff(api);
        Api.Reply hold = api.post("api/v1/subjects/" + held.subjectId + "/legal-hold", Api.ADMIN, "{\"reason\":\"dispute over a refund, case 2026/117\"}");
        assertEquals(201, hold.status(), hold::toString);
        String messageId = (String) db.rows("SELECT id FROM escalation_message WHERE escalation_id = ?", plainId).get(0).get("id");
        assertEquals(2, api.get("api/v1/escalations/" + plainId, Api.ADMIN).json().getJsonArray("transcript").size());
        assertFalse(cache.holds(EscalationMessage.class, messageId), "retained rows are never in the shared cache");
        assertFalse(cache.holds(Escalation.class, plainId));

        MovableClock.moveBy(Duration.ofDays(91));
        Expected expected = expected(clock.instant());
        JsonObject report = sweep();
        expected.check(report, this);
        assertTrue(report.getJsonObject("byCategory").getJsonObject("transcript").getInt("deleted") >= 5, report::toString);
        assertEquals(0, db.rows("SELECT id FROM escalation_message WHERE escalation_id = ?", plainId).size());
        assertEquals(0, api.get("api/v1/escalations/" + plainId, Api.ADMIN).json().getJsonArray("transcript").size(),
                "a swept message is not served");
        assertEquals(2, db.rows("SELECT id FROM escalation_message WHERE escalation_id = ?", heldId).size(), "held rows stay");
        assertEquals(1, db.rows("SELECT id FROM audit_event WHERE action = 'retention.sweep' AND detail LIKE ?",
                "run " + report.getString("id") + ":%").size(), "the sweep's summary is in the audit");

        MovableClock.moveBy(Duration.ofDays(2 * 366));
        expected = expected(clock.instant());
        report = sweep();
        expected.check(report, this);
        Map<String, Object> anonymous = db.rows("SELECT subject_id, conversation_id, customer_name, customer_email, customer_phone,"
                + " callback_url, retain_until FROM escalation WHERE id = ?", plainId).get(0);
        assertEquals("~anonymized", anonymous.get("subject_id"));
        assertEquals(plainId, anonymous.get("conversation_id"));
        assertNull(anonymous.get("customer_name"));
        assertNull(anonymous.get("customer_email"));
        assertNull(anonymous.get("customer_phone"));
        assertNull(anonymous.get("retain_until"), "an anonymised row is not swept again");
        assertEquals(0, db.rows("SELECT id FROM escalation_event WHERE escalation_id = ?", plainId).size(), "dependents went with it");
        JsonObject served = api.get("api/v1/escalations/" + plainId, Api.ADMIN).json();
        JsonObject customer = served.getJsonObject("customer");
        assertTrue(customer == null || customer.isEmpty(), "the anonymised escalation is served without its customer: " + served);
        assertEquals(held.subjectId, db.rows("SELECT subject_id FROM escalation WHERE id = ?", heldId).get(0).get("subject_id"));
        assertEquals(200, api.delete("api/v1/subjects/" + held.subjectId + "/legal-hold", Api.ADMIN).status());
    }

    @Test
    void aSweepStoppedHalfWayIsResumedAndABatchWithoutTheLockChangesNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            new Handoff().lines(10).withConsent().handOff(api);
        }
        MovableClock.moveBy(Duration.ofDays(91));
        Instant now = clock.instant();
        Expected expected = expected(now);
        long due = expected.dueTotal();
        assertTrue(due >= 36, "enough due rows for several batches: " + due);

        String dead = "dead-server:" + UUID.randomUUID();
        assertTrue(lock.acquire(SweepBatches.JOB, dead, Duration.ofSeconds(30)));
        SweepRun run = batches.openRun("admin", now);
        RetainedTable messages = tables.required(EscalationMessage.class);
        Duration lease = Duration.ofSeconds(30);
        assertEquals(7, batches.expire(run.id(), dead, lease, messages, RetentionAction.DELETE, now, 7).handled());
        assertEquals(7, batches.expire(run.id(), dead, lease, messages, RetentionAction.DELETE, now, 7).handled());
        long left = count("escalation_message", now);
        assertThrows(SweepBatches.LostLock.class,
                () -> batches.expire(run.id(), "intruder", lease, messages, RetentionAction.DELETE, now, 7));
        assertEquals(left, count("escalation_message", now), "a batch without the lock changed nothing");
        Api.Reply refused = api.post("api/v1/retention/sweeps", Api.ADMIN, "");
        assertEquals(409, refused.status(), "the dead server's lease still holds");
        assertTrue(refused.problem().getString("type").endsWith("sweep-running"));

        db.update("UPDATE job_lock SET locked_until = ? WHERE name = ?", Timestamp.valueOf(LocalDateTime.ofInstant(
                now.minusSeconds(1), ZoneOffset.UTC)), SweepBatches.JOB); // the lease runs out
        JsonObject report = sweep();
        assertEquals(run.id(), report.getString("id"), "the next sweep continues the stopped one's run");
        assertEquals(due, report.getJsonNumber("deleted").longValue(), "every due row counted once over both servers' batches");
        assertEquals(0, expected(now).dueTotal(), "nothing due is left");
        assertNull(db.rows("SELECT owner FROM job_lock WHERE name = ?", SweepBatches.JOB).get(0).get("owner"), "the lock is released");
    }

    @Test
    void twoSweepsAtOnceHandleEachRowOnce() throws Exception {
        for (int i = 0; i < 4; i++) {
            new Handoff().lines(12).withConsent().handOff(api);
        }
        MovableClock.moveBy(Duration.ofDays(91));
        long due = expected(clock.instant()).dueTotal();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.post("api/v1/retention/sweeps", Api.ADMIN, "");
                }));
            }
            start.countDown();
            long deleted = 0;
            int succeeded = 0;
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get();
                if (r.status() == 200) {
                    succeeded++;
                    deleted += r.json().getJsonNumber("deleted").longValue();
                } else {
                    assertEquals(409, r.status(), r::toString);
                    assertTrue(r.problem().getString("type").endsWith("sweep-running"));
                }
            }
            assertTrue(succeeded >= 1);
            assertEquals(due, deleted, "the rows were deleted once in all");
            assertEquals(0, expected(clock.instant()).dueTotal());
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonObject sweep() {
        Api.Reply reply = api.post("api/v1/retention/sweeps", Api.ADMIN, "");
        assertEquals(200, reply.status(), reply::toString);
        JsonObject report = reply.json();
        assertEquals("DONE", report.getString("status"));
        assertNotNull(report.getString("finishedAt"));
        return report;
    }

    private long count(String table, Instant now) throws Exception {
        return ((Number) db.rows("SELECT COUNT(*) AS n FROM " + table + " t WHERE t.retain_until <= ?" + NOT_HELD,
                ts(now)).get(0).get("n")).longValue();
    }

    /** What a sweep at {@code now} must do, computed with SQL over every retained table beforehand. */
    private Expected expected(Instant now) throws Exception {
        Map<String, Long> due = new LinkedHashMap<>();
        Map<String, Long> total = new LinkedHashMap<>();
        for (String table : TABLES) {
            due.put(table, count(table, now));
            total.put(table, ((Number) db.rows("SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).longValue());
        }
        String dueEscalations = "SELECT t.id FROM escalation t WHERE t.retain_until <= ?" + NOT_HELD;
        Map<String, Long> dependents = new LinkedHashMap<>();
        for (String dependent : List.of("escalation_message", "pii_token", "escalation_event")) {
            // of a due escalation, rows the transcript step has not taken already
            String notDueItself = dependent.equals("escalation_event") ? ""
                    : " AND NOT (d.retain_until <= ? AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.live = 'Y' AND h.subject_id = d.subject_id))";
            List<Object> parameters = new ArrayList<>(List.of(ts(now)));
            if (!notDueItself.isEmpty()) {
                parameters.add(ts(now));
            }
            dependents.put(dependent, ((Number) db.rows("SELECT COUNT(*) AS n FROM " + dependent + " d WHERE d.escalation_id IN ("
                    + dueEscalations + ")" + notDueItself, parameters.toArray()).get(0).get("n")).longValue());
        }
        return new Expected(now, due, total, dependents, snapshot());
    }

    /** Every retained row (and queue event) by table and id, with its stamp: what a failed check names. */
    private Map<String, Map<Object, String>> snapshot() throws Exception {
        Map<String, Map<Object, String>> all = new LinkedHashMap<>();
        for (RetainedTable table : tables.all()) {
            Map<Object, String> rows = new LinkedHashMap<>();
            for (Map<String, Object> row : db.rows("SELECT t." + table.idColumn() + " AS id, t.subject_id, t.retention_start,"
                    + " t.retain_until FROM " + table.table() + " t")) {
                rows.put(row.get("id"), table.category() + " start=" + at(row.get("retention_start")) + " until="
                        + at(row.get("retain_until")) + " subject=" + row.get("subject_id"));
            }
            all.put(table.table(), rows);
        }
        Map<Object, String> events = new LinkedHashMap<>();
        for (Map<String, Object> row : db.rows("SELECT id, escalation_id FROM escalation_event")) {
            events.put(row.get("id"), "of escalation " + row.get("escalation_id"));
        }
        all.put("escalation_event", events);
        return all;
    }

    /** What changed between two snapshots: rows gone, rows new, rows whose stamp or subject changed. */
    private static String changes(Map<String, Map<Object, String>> before, Map<String, Map<Object, String>> after) {
        StringBuilder out = new StringBuilder();
        before.forEach((table, rows) -> {
            Map<Object, String> now = after.getOrDefault(table, Map.of());
            rows.forEach((id, state) -> {
                if (!now.containsKey(id)) {
                    out.append("\n  gone ").append(table).append(' ').append(id).append(": ").append(state);
                } else if (!now.get(id).equals(state)) {
                    out.append("\n  changed ").append(table).append(' ').append(id).append(": ").append(state)
                            .append(" -> ").append(now.get(id));
                }
            });
            now.forEach((id, state) -> {
                if (!rows.containsKey(id)) {
                    out.append("\n  new ").append(table).append(' ').append(id).append(": ").append(state);
                }
            });
        });
        return out.toString();
    }

    record Expected(Instant now, Map<String, Long> due, Map<String, Long> total, Map<String, Long> dependents,
                    Map<String, Map<Object, String>> rows) {

        long dueTotal() {
            return due.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The report counts exactly the due rows; afterwards none is left and every other row is still there. */
        void check(JsonObject report, RetentionIT test) throws Exception {
            long anonymized = due.get("escalation") + due.get("consent_record");
            long deleted = dueTotal() - anonymized + dependents.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Map<Object, String>> afterwards = test.snapshot();
            java.util.function.Supplier<String> explained = () -> report + "\ncounted as due at " + now + ": " + due
                    + ", dependents " + dependents + "; rows changed since the count:" + changes(rows, afterwards);
            assertEquals(anonymized, report.getJsonNumber("anonymized").longValue(), explained);
            assertEquals(deleted, report.getJsonNumber("deleted").longValue(), explained);
            for (String table : TABLES) {
                assertEquals(0, test.count(table, now), () -> table + ": nothing due is left" + explained.get());
                long expectedLeft = table.equals("escalation") || table.equals("consent_record")
                        ? total.get(table) : total.get(table) - due.get(table) - dependents.getOrDefault(table, 0L);
                assertEquals(expectedLeft, ((Number) test.db.rows("SELECT COUNT(*) AS n FROM " + table).get(0).get("n"))
                        .longValue(), () -> table + ": nothing else was removed" + explained.get());
            }
        }
    }

    private static Instant at(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant plus(Instant start, String period) {
        return start.atOffset(ZoneOffset.UTC).plus(Period.parse(period)).toInstant();
    }
}
