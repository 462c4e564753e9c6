package org.consentry.retention.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.consentry.consent.entity.ConsentRecord;
import org.consentry.escalation.entity.Escalation;
import org.consentry.retention.control.JobLock;
import org.consentry.retention.control.RetainedTables;
import org.consentry.retention.control.SweepBatches;
import org.consentry.retention.entity.RetentionAction;
import org.consentry.retention.entity.SweepRun;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sweep batch never removes a row whose stamp another transaction moved while the batch ran (issue
 * 22's question "a sweep that deletes a row whose stamp is being changed"). Deterministic: the test
 * holds an uncommitted re-stamp of a due escalation (its retain_until a year ahead) while a batch of
 * the escalation table runs in another thread, waits until the database shows the batch waiting for
 * that row lock, and only then commits. The escalation must stay as it was, its transcript with it; so
 * must a consent record (a table without dependents, whose batch statement checks the row itself).
 * Before StillDue, PostgreSQL deleted the transcript (the dependents, by escalation id) and then
 * anonymised the escalation once the lock was released; Derby's reads wait for the writer and were safe.
 */
@ExtendWith(ArquillianExtension.class)
class SweepRestampRaceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers("""
                config_ordinal=700
                consentry.retention.sweep.every=PT0S
                """);
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Inject
    SweepBatch batches;

    @Inject
    JobLock lock;

    @Inject
    RetainedTables tables;

    @Test
    void aRowReStampedWhileTheBatchWaitsForItIsNeitherAnonymisedNorStrippedOfItsTranscript() throws Exception {
        Db db = new Db(dataSource);
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(new Api(base));
        Timestamp later = raceReStampAgainstABatch(db, Escalation.class, "escalation", id);

        Map<String, Object> row = db.rows("SELECT subject_id, customer_name, retain_until FROM escalation WHERE id = ?", id).get(0);
        assertEquals(handoff.subjectId, row.get("subject_id"), "the re-stamped escalation was not anonymised");
        assertNotNull(row.get("customer_name"));
        assertEquals(later, row.get("retain_until"));
        assertEquals(2, db.rows("SELECT id FROM escalation_message WHERE escalation_id = ?", id).size(),
                "its transcript was not removed as a dependent");
        assertTrue(db.rows("SELECT id FROM escalation_event WHERE escalation_id = ?", id).size() >= 1, "nor its queue events");
    }

    /** A table without dependents: the batch's own statement checks the row again. */
    @Test
    void aConsentRecordReStampedWhileTheBatchWaitsForItIsNotAnonymised() throws Exception {
        Db db = new Db(dataSource);
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        handoff.handOff(api); // the consent travels inside the handoff
        assertEquals(204, api.delete("api/v1/subjects/" + handoff.subjectId + "/consents/support-handoff", Api.BOT).status());
        Object id = db.rows("SELECT id FROM consent_record WHERE subject_id = ?", handoff.subjectId).get(0).get("id");
        Timestamp later = raceReStampAgainstABatch(db, ConsentRecord.class, "consent_record", id);

        Map<String, Object> row = db.rows("SELECT subject_id, evidence, retain_until FROM consent_record WHERE id = ?", id).get(0);
        assertEquals(handoff.subjectId, row.get("subject_id"), "the re-stamped record was not anonymised");
        assertEquals("message m-1", row.get("evidence"));
        assertEquals(later, row.get("retain_until"));
    }

    /**
     * Makes the row {@code id} of {@code table} due, holds an uncommitted re-stamp of it a year ahead
     * while a sweep batch of the table runs, commits once the batch waits for it, and returns the stamp.
     */
    private Timestamp raceReStampAgainstABatch(Db db, Class<?> entity, String table, Object id) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        db.update("UPDATE " + table + " SET retain_until = ? WHERE id = ?", ts(now.minus(Duration.ofDays(1))), id);
        Timestamp later = ts(now.plus(Duration.ofDays(365)));
        String owner = "race-test:" + UUID.randomUUID();
        assertTrue(lock.acquire(SweepBatches.JOB, owner, Duration.ofMinutes(2)), "no other sweep runs in this deployment");
        ExecutorService sweeper = Executors.newSingleThreadExecutor();
        try (Connection restamp = dataSource.getConnection()) {
            restamp.setAutoCommit(false);
            try (PreparedStatement u = restamp.prepareStatement("UPDATE " + table + " SET retain_until = ? WHERE id = ?")) {
                u.setTimestamp(1, later);
                u.setObject(2, id);
                assertEquals(1, u.executeUpdate());
            }
            SweepRun run = batches.openRun("race-test", now);
            Future<SweepBatches.Batch> batch = sweeper.submit(() -> batches.expire(run.id(), owner, Duration.ofMinutes(2),
                    tables.required(entity), RetentionAction.ANONYMIZE, now, 10_000));
            waitUntilSomeoneWaitsForALock(db, batch);
            restamp.commit();
            batch.get(60, TimeUnit.SECONDS);
            batches.closeRun(run.id(), Instant.now());
        } finally {
            sweeper.shutdownNow();
            lock.release(SweepBatches.JOB, owner);
        }
        return later;
    }

    /** Until the database's lock table shows a waiting lock request (the batch), or the batch ended without one. */
    private static void waitUntilSomeoneWaitsForALock(Db db, Future<?> batch) throws Exception {
        String waiting = db.isPostgres()
                ? "SELECT COUNT(*) AS n FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) AS n FROM SYSCS_DIAG.LOCK_TABLE WHERE state = 'WAIT'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (((Number) db.rows(waiting).get(0).get("n")).longValue() == 0) {
            if (batch.isDone()) {
                throw new AssertionError("the batch ended without waiting for the re-stamped row: " + batch.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the batch never waited for the re-stamped row");
            }
            Thread.sleep(10);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
