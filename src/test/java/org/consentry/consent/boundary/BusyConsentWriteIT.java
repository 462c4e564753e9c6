package org.consentry.consent.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consent grant that meets a lock held by other work (issue 25): the database's lock wait times out,
 * the server repeats the grant itself, and the client sees 200 and one new record; when the lock is
 * held past every attempt, the client sees 503 database-busy with Retry-After and nothing changed,
 * never 409 "conflicting concurrent change". The lock is the test's own uncommitted update of the live
 * record; the wait bound is Derby's derby.locks.waitTimeout, set to one second only while the test holds the
 * lock (a database property that takes effect at once, for every transaction of the server: the handoff that
 * prepares the subject is not measured, so it runs under the default bound). PostgreSQL sets its bound per
 * session (lock_timeout), which the server's pooled sessions do not take from a test: there the same code
 * path is covered by BusyRetryTest.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(named = "consentry.db", matches = "postgres", disabledReason = "PostgreSQL's lock wait bound"
        + " (lock_timeout) is a session setting the server's pooled sessions do not take from a test; BusyRetryTest covers"
        + " the retry there")
class BusyConsentWriteIT {

    static final String PATH = "api/v1/subjects/%s/consents/support-handoff";

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

    Api api;
    Db db;

    @BeforeEach
    void clients() {
        db = new Db(dataSource);
        api = new Api(base);
    }

    @AfterEach
    void defaultLockWaits() throws Exception {
        setWaitTimeout(null);
    }

    @Test
    void aLockHeldPastOneWaitIsRetriedByTheServerAndTheGrantSucceedsOnce() throws Exception {
        String subject = granted();
        Api.Reply reply = whileLocked(subject, 2, "second");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("second", reply.json().getString("evidence"));
        List<Map<String, Object>> records = db.rows("SELECT status, evidence FROM consent_record WHERE subject_id = ? ORDER BY id", subject);
        assertEquals(2, records.size(), "one new record, no duplicate from the repeated attempt: " + records);
        assertEquals("SUPERSEDED", records.get(0).get("status"));
        assertEquals("GRANTED", records.get(1).get("status"));
        assertEquals("second", records.get(1).get("evidence"));
    }

    @Test
    void aLockHeldPastEveryAttemptIsA503WithRetryAfterAndChangesNothing() throws Exception {
        String subject = granted();
        Api.Reply reply = whileLocked(subject, Integer.MAX_VALUE, "second");
        assertEquals(503, reply.status(), reply::toString);
        JsonObject problem = reply.problem();
        assertTrue(problem.getString("type").endsWith("/database-busy"), problem::toString);
        assertEquals("1", reply.header("Retry-After"));
        List<Map<String, Object>> records = db.rows("SELECT status, evidence FROM consent_record WHERE subject_id = ?", subject);
        assertEquals(1, records.size(), "nothing changed: " + records);
        assertEquals(Handoff.EVIDENCE, records.get(0).get("evidence"));
    }

    /** A subject the bot handed off with its consent inside (evidence Handoff.EVIDENCE): the bot may grant again. */
    private String granted() {
        Handoff handoff = new Handoff().withConsent();
        handoff.handOff(api);
        return handoff.subjectId;
    }

    private Api.Reply grant(String subject, String evidence) {
        return api.put(PATH.formatted(subject), Api.BOT,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"" + evidence + "\"}");
    }

    /**
     * Sends a grant with other evidence while the test holds the live record's lock, and returns its
     * answer. The lock is released once {@code attempts} of the server's transactions have waited for it
     * (each retry is a new transaction, seen in Derby's lock table), or when the answer came, whichever is
     * first: the first of two waits has timed out when the second begins.
     */
    private Api.Reply whileLocked(String subject, int attempts, String evidence) throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "UPDATE consent_record SET evidence = evidence WHERE subject_id = ? AND live = 'Y'")) {
                lock.setString(1, subject);
                assertEquals(1, lock.executeUpdate());
            }
            setWaitTimeout("1");
            Future<Api.Reply> reply = client.submit(() -> grant(subject, evidence));
            Set<String> waited = new HashSet<>();
            while (waited.size() < attempts && !reply.isDone()) {
                for (Map<String, Object> row : db.rows("SELECT xid FROM SYSCS_DIAG.LOCK_TABLE WHERE tablename = 'CONSENT_RECORD'"
                        + " AND state = 'WAIT'")) {
                    waited.add(String.valueOf(row.get("xid")));
                }
                Thread.sleep(10); // sampling the lock table, not waiting out a time
            }
            holder.commit();
            return reply.get();
        } finally {
            setWaitTimeout(null);
            client.shutdownNow();
        }
    }

    private void setWaitTimeout(String seconds) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', ?)")) {
            s.setString(1, seconds);
            s.execute();
        }
    }
}
