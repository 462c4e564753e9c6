package org.consentry.erasure.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.control.KeyUnavailableException;
import org.consentry.crypto.control.SubjectKeys;
import org.consentry.crypto.entity.Access;
import org.consentry.crypto.entity.FieldAddress;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.consentry.testing.inserver.CrmRecorder;
import org.consentry.testing.inserver.SubjectDataFault;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data subject's rights on the real database, inside the server, with the CRM a recorder in the
 * same deployment. The erasure worker's poll is off: the test drives it, so that each step is seen.
 */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers("""
                config_ordinal=700
                consentry.erasure.poll=PT1H
                consentry.retention.sweep.every=PT0S
                consentry.crm.url=%s
                consentry.crm.secret=whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=
                consentry.crm.allow-http=true
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.lease=PT1S
                consentry.outbox.request-timeout=PT0.5S
                """.formatted(CrmRecorder.url()));
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Inject
    ErasureWorker worker;

    @Inject
    ErasureSteps steps;

    @Inject
    FieldSealer sealer;

    @Inject
    SubjectKeys keys;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    Api api;
    Db db;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        db = new Db(dataSource);
    }

    /** A customer with everything: consents, an escalation worked to the end and synced, a lead, CRM tokens. */
    private record Customer(Handoff handoff, String escalationId, String name, String email, String phone) {
    }

    private Customer customer(String name, String email, String phone) throws Exception {
        Handoff handoff = new Handoff().customer(name, email, phone).withConsent();
        String id = handoff.handOff(api);
        grant(handoff.subjectId, "crm-sync"); // in the conversation the bot handed off
        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        assertEquals(201, api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1, "{\"text\":\"Zwrot zlecony.\"}").status());
        assertEquals(200, api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "").status());
        Api.Reply lead = api.post("api/v1/subjects/" + handoff.subjectId + "/crm-sync", Api.BOT,
                "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"phone\":\"" + phone + "\"}");
        assertTrue(lead.status() < 300, lead::toString);
        Eventually.until("the case and the contact reach the CRM", Duration.ofSeconds(20),
                () -> CrmRecorder.about(handoff.subjectId).size() >= 2);
        return new Customer(handoff, id, name, email, phone);
    }

    private void grant(String subject, String purpose) {
        assertEquals(200, api.put("api/v1/subjects/" + subject + "/consents/" + purpose, Api.BOT,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"message m-7\"}").status());
    }

    private JsonObject completed(String requestId) throws Exception {
        Eventually.until("the erasure completes", Duration.ofSeconds(30), () -> {
            worker.work();
            return "COMPLETED".equals(api.get("api/v1/erasures/" + requestId, Api.ADMIN).json().getString("status"));
        });
        return api.get("api/v1/erasures/" + requestId, Api.ADMIN).json();
    }

    @Test
    @Proves({Duty.GDPR_17, Duty.GDPR_19, Duty.GDPR_12_3})
    void erasureRemovesEveryRowShredsTheKeyTellsTheCrmAndLeavesATombstone() throws Exception {
        Customer c = customer("Zofia Erased", "zofia.erased@example.pl", "+48 603 000 111");
        String subject = c.handoff().subjectId;
        List<Object> consents = db.rows("SELECT id FROM consent_record WHERE subject_id = ?", subject).stream()
                .map(r -> r.get("id")).toList();
        assertEquals(2, consents.size());
        byte[] backup = (byte[]) db.rows("SELECT customer_email FROM escalation WHERE id = ?", c.escalationId()).get(0).get("customer_email");
        FieldAddress address = new FieldAddress("escalation", "customer_email", c.escalationId());
        Access access = Access.of("test.backup", "subject-rights");
        assertEquals(c.email(), sealer.open(subject, address, backup, access), "the backup copy opens before the erasure");

        Api.Reply accepted = api.delete("api/v1/subjects/" + subject, Api.ADMIN);
        assertEquals(202, accepted.status(), accepted::toString);
        String requestId = accepted.json().getString("requestId");
        assertTrue(accepted.header("Location").endsWith("/api/v1/erasures/" + requestId));
        JsonObject done = completed(requestId);

        List<JsonObject> steps = done.getJsonArray("steps").getValuesAs(JsonObject.class);
        assertEquals(List.of("local-rows", "data-key", "crm"), steps.stream().map(s -> s.getString("name")).toList());
        steps.forEach(s -> assertEquals("DONE", s.getString("status"), s::toString));
        assertTrue(steps.get(0).getString("receipt").contains("escalation_message=3"), steps.get(0)::toString);
        assertTrue(steps.get(1).getString("receipt").startsWith("data key destroyed"));
        assertTrue(steps.get(2).getString("receipt").contains("DELIVERED"), steps.get(2)::toString);
        assertFalse(done.getBoolean("overdue"));
        // Art. 12(3): the request is to be answered within one month of its receipt (erasure_request.deadline_at)
        Instant requestedAt = Instant.parse(done.getString("requestedAt"));
        assertEquals(requestedAt.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant(), Instant.parse(done.getString("deadline")),
                done::toString);

        List<CrmRecorder.Delivery> erase = CrmRecorder.about(subject).stream()
                .filter(d -> d.body().contains("\"subject.erase\"")).toList();
        assertEquals(1, erase.size(), "the CRM was told once");
        assertTrue(erase.get(0).body().contains(requestId));
        assertNotNull(erase.get(0).signature(), "signed like every delivery");

        // every row of the subject is gone: no table names the subject any more, no table holds its data
        for (String value : db.everyValueOfEveryTable()) {
            assertFalse(value.contains(subject), "a row still names the erased subject: " + value);
            for (String secret : List.of(c.name(), c.email(), c.phone(), Handoff.CARD, Handoff.PESEL)) {
                assertFalse(value.contains(secret), "personal data left in clear");
            }
        }
        for (String table : List.of("escalation", "escalation_message", "pii_token", "crm_contact", "crm_token", "subject_key")) {
            assertEquals(0, db.rows("SELECT * FROM " + table + " WHERE subject_id = ?", subject).size(), table);
        }
        assertEquals(0, db.rows("SELECT id FROM escalation_event WHERE escalation_id = ?", c.escalationId()).size());
        for (Object consent : consents) {
            Map<String, Object> kept = db.rows("SELECT subject_id, evidence, status, live FROM consent_record WHERE id = ?", consent).get(0);
            assertEquals("~anonymized", kept.get("subject_id"), "the consent stays as evidence without the person");
            assertEquals("anonymized", kept.get("evidence"));
            assertEquals("WITHDRAWN", kept.get("status"), "the erasure ended it");
            assertNull(kept.get("live"));
        }
        assertThrows(KeyUnavailableException.class, () -> sealer.open(subject, address, backup, access),
                "crypto-shredding: the copy taken before can no longer be opened");

        Map<String, Object> tombstone = db.rows("SELECT subject_id, subject_ref, status FROM erasure_request WHERE id = ?", requestId).get(0);
        assertNull(tombstone.get("subject_id"));
        assertEquals(done.getString("subjectRef"), tombstone.get("subject_ref"));
        List<JsonObject> audit = api.get("api/v1/audit?subjectId=" + subject + "&limit=200", Api.ADMIN).structure().asJsonArray()
                .getValuesAs(JsonObject.class);
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("erasure.request")));
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("erasure.erased")
                && e.getString("detail").contains("data key destroyed")));
        assertEquals(1, db.rows("SELECT id FROM audit_event WHERE action = 'erasure.completed' AND detail LIKE ?",
                "request " + requestId + "%").size());
        assertEquals(403, api.delete("api/v1/subjects/" + subject, Api.BOT).status());
        assertEquals(403, api.get("api/v1/erasures/" + requestId, Api.AGENT1).status());
    }

    /**
     * What an erasure that commits between an export's read of the rows and its opening of them leaves
     * behind: the rows, and no key. Found by EndpointFuzzIT as a 500 (KeyUnavailableException).
     */
    @Test
    @Proves(Duty.GDPR_17)
    void anExportThatMeetsADestroyedKeyIsA410ProblemWithNothingInClear() throws Exception {
        Customer c = customer("Olga Racing", "olga.racing@example.pl", "+48 605 333 444");
        String subject = c.handoff().subjectId;
        transaction.begin();
        keys.destroy(subject);
        transaction.commit();

        Api.Reply export = api.get("api/v1/subjects/" + subject + "/export", Api.ADMIN);
        assertEquals(410, export.status(), export::toString);
        assertTrue(export.problem().getString("type").endsWith("/subject-erased"), export::toString);
        assertFalse(export.text().contains(c.email()), export::toString);
        assertFalse(export.text().contains("Olga"), export::toString);
    }

    @Test
    @Proves({Duty.GDPR_17, Duty.GDPR_19})
    void anErasureThatFailsHalfWayLeavesNothingHalfDoneAndFinishesExactlyOnce() throws Exception {
        Customer c = customer("Piotr Halfway", "piotr.halfway@example.pl", "+48 604 222 333");
        String subject = c.handoff().subjectId;
        int messages = db.rows("SELECT id FROM escalation_message WHERE subject_id = ?", subject).size();
        SubjectDataFault.failOnce(subject);

        String requestId = api.delete("api/v1/subjects/" + subject, Api.ADMIN).json().getString("requestId");
        Eventually.until("the first attempt fails", Duration.ofSeconds(20), () -> api.get("api/v1/erasures/" + requestId,
                Api.ADMIN).json().getInt("attempts") == 1);
        JsonObject failed = api.get("api/v1/erasures/" + requestId, Api.ADMIN).json();
        assertEquals("PENDING", failed.getString("status"));
        assertEquals("internal error, logged under erasure " + requestId, failed.getString("lastError"), "no class name in the API");
        assertEquals(messages, db.rows("SELECT id FROM escalation_message WHERE subject_id = ?", subject).size(),
                "the rows another part had removed are back");
        assertEquals(1, db.rows("SELECT subject_id FROM subject_key WHERE subject_id = ?", subject).size(), "the key is there");
        assertEquals(0, db.rows("SELECT id FROM outbox_entry WHERE kind = 'crm.erase' AND reference = ?", requestId).size(),
                "no notice to the CRM was queued");
        assertFalse(db.rows("SELECT id FROM consent_record WHERE subject_id = ?", subject).isEmpty());
        // asked here, where the request is certainly still open (its first attempt failed, the poll is off):
        // right after a 202 the worker may have erased already, and a request whose local erasure is done
        // is no longer open for new data of the subject
        assertEquals(requestId, api.delete("api/v1/subjects/" + subject, Api.ADMIN).json().getString("requestId"),
                "repeating the request while it is open answers the same request");

        // two workers (two servers) take it up at once: the row lock lets one do it
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit((Callable<Boolean>) () -> steps.erase(requestId)));
            }
            int ran = 0;
            for (Future<Boolean> run : runs) {
                ran += run.get() ? 1 : 0;
            }
            assertEquals(1, ran, "exactly one worker erased");
        } finally {
            pool.shutdownNow();
        }
        JsonObject done = completed(requestId);
        assertEquals(1, done.getInt("attempts"), "one failed attempt, then one that did it");
        assertEquals(1, db.rows("SELECT id FROM audit_event WHERE action = 'erasure.erased' AND detail LIKE ?",
                "request " + requestId + "%").size(), "erased once");
        assertEquals(1, CrmRecorder.about(subject).stream().filter(d -> d.body().contains("\"subject.erase\"")).count(),
                "the CRM was told once");
        assertFalse(steps.erase(requestId), "a finished request is not run again");
        assertEquals(0, db.rows("SELECT id FROM escalation_message WHERE subject_id = ?", subject).size());
    }

    @Test
    @Proves({Duty.GDPR_15, Duty.GDPR_20})
    void theExportHoldsEverythingOnTheSubjectInClearAndNothingOfAnyoneElse() throws Exception {
        Customer a = customer("Anna Export", "anna.export@example.pl", "+48 605 444 555");
        Customer b = customer("Bogdan Other", "bogdan.other@example.pl", "+48 606 777 888");
        Api.Reply reply = api.get("api/v1/subjects/" + a.handoff().subjectId + "/export", Api.ADMIN);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Disposition").startsWith("attachment"));
        assertEquals("no-store", reply.header("Cache-Control"));
        String text = reply.text();
        for (String mine : List.of(a.name(), a.email(), a.phone(), Handoff.CARD, Handoff.PESEL, "Zwrot zlecony.")) {
            assertTrue(text.contains(mine), "the export holds " + mine);
        }
        for (String theirs : List.of(b.name(), b.email(), b.phone(), b.handoff().subjectId, b.escalationId())) {
            assertFalse(text.contains(theirs), "the export holds another subject's data");
        }
        JsonObject export = reply.json();
        assertEquals(a.handoff().subjectId, export.getString("subjectId"));
        assertEquals(2, export.getJsonArray("consents").size(), "consents with their history");
        JsonObject escalation = export.getJsonArray("escalations").getJsonObject(0);
        assertEquals(a.email(), escalation.getJsonObject("customer").getString("email"));
        assertEquals(3, escalation.getJsonArray("transcript").size());
        assertTrue(escalation.getJsonArray("transcript").getJsonObject(0).getString("text").contains(Handoff.CARD),
                "masked values restored from their tokens");
        assertNotNull(escalation.getString("retainUntil"), "retention dates are part of it");
        JsonObject crm = export.getJsonObject("crm");
        assertEquals(a.name(), crm.getJsonArray("contacts").getJsonObject(0).getString("name"));
        assertTrue(crm.getJsonArray("tokens").getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getString("value").equals(a.phone())),
                "the token the CRM holds, with its value");
        assertTrue(export.getJsonArray("deliveries").size() >= 2, "the CRM deliveries");
        assertTrue(export.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
                .allMatch(d -> d.containsKey("status") && d.containsKey("kind")));
        List<JsonObject> audit = api.get("api/v1/audit?subjectId=" + a.handoff().subjectId + "&limit=200", Api.ADMIN)
                .structure().asJsonArray().getValuesAs(JsonObject.class);
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("subject.export")), "the export is audited");
        assertEquals(403, api.get("api/v1/subjects/" + a.handoff().subjectId + "/export", Api.BOT).status());
        assertEquals(400, api.get("api/v1/subjects/bad%20id/export", Api.ADMIN).status());
    }

    @Test
    @Proves({Duty.GDPR_16, Duty.GDPR_19})
    void rectificationReSealsEveryCopyAndReachesTheCrm() throws Exception {
        Customer c = customer("Ola Rectify", "ola.old@example.pl", "+48 607 000 999");
        String subject = c.handoff().subjectId;
        byte[] before = (byte[]) db.rows("SELECT email FROM crm_contact WHERE subject_id = ?", subject).get(0).get("email");
        int deliveries = CrmRecorder.about(subject).size();

        Api.Reply reply = api.send(api.request("api/v1/subjects/" + subject, Api.ADMIN)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"ola.new@example.pl\"}")));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(List.of("email"), reply.json().getJsonArray("fields").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(2, reply.json().getInt("rows"), "the escalation's copy and the CRM contact");
        assertNotNull(reply.json().getString("crmDelivery"));

        byte[] after = (byte[]) db.rows("SELECT email FROM crm_contact WHERE subject_id = ?", subject).get(0).get("email");
        assertFalse(java.util.Arrays.equals(before, after), "re-sealed");
        assertFalse(new String(after, java.nio.charset.StandardCharsets.ISO_8859_1).contains("ola.new"), "sealed, not clear");
        JsonObject export = api.get("api/v1/subjects/" + subject + "/export", Api.ADMIN).json();
        assertEquals("ola.new@example.pl", export.getJsonArray("escalations").getJsonObject(0).getJsonObject("customer").getString("email"));
        assertEquals("ola.new@example.pl", export.getJsonObject("crm").getJsonArray("contacts").getJsonObject(0).getString("email"));
        assertEquals(c.name(), export.getJsonObject("crm").getJsonArray("contacts").getJsonObject(0).getString("name"), "the rest stays");
        // The handoff's own contact delivery may arrive after the count above was taken: the corrected one
        // is found by what it carries, not by its place (a run of issue 21 met the handoff's at that place).
        Eventually.until("the CRM gets the corrected contact", Duration.ofSeconds(20),
                () -> CrmRecorder.about(subject).stream().anyMatch(d -> d.body().contains("ola.new@example.pl")));
        assertTrue(CrmRecorder.about(subject).size() > deliveries, "a delivery more than before the correction");
        List<Map<String, Object>> audit = db.rows("SELECT field, detail FROM audit_event WHERE action = 'subject.rectify'"
                + " AND detail LIKE ?", "%" + reply.json().getString("crmDelivery") + "%");
        assertEquals(1, audit.size());
        assertEquals("email", audit.get(0).get("field"));
        assertFalse(audit.get(0).get("detail").toString().contains("ola.new"), "the audit has no value");

        assertPatchInvalid(subject, "{}", "body");
        assertPatchInvalid(subject, "{\"email\":\"not-an-address\"}", "email");
        assertPatchInvalid(subject, "{\"nick\":\"Ola\"}", "nick");
        Api.Reply none = api.send(api.request("api/v1/subjects/nobody-" + UUID.randomUUID(), Api.ADMIN)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"X Y\"}")));
        assertEquals(404, none.status(), none::toString);
    }

    private void assertPatchInvalid(String subject, String body, String field) {
        Api.Reply reply = api.send(api.request("api/v1/subjects/" + subject, Api.ADMIN).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.text().contains("\"" + field + "\""), reply.text());
    }

    @Test
    @Proves(Duty.GDPR_17)
    void aLegalHoldStopsTheErasureUntilItIsReleased() throws Exception {
        Handoff h = new Handoff().withConsent();
        h.handOff(api);
        assertEquals(201, api.post("api/v1/subjects/" + h.subjectId + "/legal-hold", Api.ADMIN,
                "{\"reason\":\"court order 12/2026 to preserve\"}").status());
        assertEquals(409, api.post("api/v1/subjects/" + h.subjectId + "/legal-hold", Api.ADMIN,
                "{\"reason\":\"a second hold at once\"}").status());
        Api.Reply refused = api.delete("api/v1/subjects/" + h.subjectId, Api.ADMIN);
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.problem().getString("type").endsWith("legal-hold"));
        assertEquals(1, db.rows("SELECT id FROM escalation WHERE subject_id = ?", h.subjectId).size());
        JsonObject released = api.delete("api/v1/subjects/" + h.subjectId + "/legal-hold", Api.ADMIN).json();
        assertFalse(released.getBoolean("live"));
        assertEquals(2, db.rows("SELECT id FROM audit_event WHERE action IN ('retention.hold', 'retention.release')"
                + " AND subject_ref = (SELECT subject_ref FROM audit_event WHERE action = 'retention.hold' AND detail LIKE ?)",
                "hold " + released.getString("id") + "%").size(), "the hold and its release are audited");
        Api.Reply accepted = api.delete("api/v1/subjects/" + h.subjectId, Api.ADMIN);
        assertEquals(202, accepted.status());
        completed(accepted.json().getString("requestId"));
        assertEquals(0, db.rows("SELECT id FROM escalation WHERE subject_id = ?", h.subjectId).size());
    }

    /** Prints the time to erase one subject with 10,000 messages (the local erasure transaction); asserts only the outcome. */
    @Test
    @Proves(Duty.GDPR_17)
    void erasingASubjectWithTenThousandMessages() throws Exception {
        Handoff h = new Handoff().withConsent();
        String id = h.handOff(api);
        int extra = 10_000 - 2;
        byte[] body = new byte[300];
        new SecureRandom().nextBytes(body); // stands in for sealed bodies: the erasure deletes, it does not open
        db.insertMessages(id, h.subjectId, extra, 1000, Timestamp.valueOf(LocalDateTime.now(java.time.ZoneOffset.UTC)), body);
        assertEquals(10_000, db.rows("SELECT id FROM escalation_message WHERE escalation_id = ?", id).size());
        SubjectDataFault.failOnce(h.subjectId); // keeps the worker's immediate attempt from doing it before the timer
        String requestId = api.delete("api/v1/subjects/" + h.subjectId, Api.ADMIN).json().getString("requestId");
        Eventually.until("the immediate attempt is over", Duration.ofSeconds(20), () -> api.get("api/v1/erasures/" + requestId,
                Api.ADMIN).json().getInt("attempts") == 1);
        long started = System.nanoTime();
        assertTrue(steps.erase(requestId));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(String.format("erasure of one subject with 10000 messages (local erasure transaction, %s): %d ms",
                db.isPostgres() ? "PostgreSQL" : "Derby", millis));
        assertEquals(0, db.rows("SELECT id FROM escalation_message WHERE escalation_id = ?", id).size());
        assertEquals(0, db.rows("SELECT id FROM escalation WHERE id = ?", id).size());
        assertTrue(api.get("api/v1/erasures/" + requestId, Api.ADMIN).json().getJsonArray("steps").getJsonObject(0)
                .getString("receipt").contains("escalation_message=10000"));
    }
}
