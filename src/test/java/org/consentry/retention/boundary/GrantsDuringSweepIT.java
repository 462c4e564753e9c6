package org.consentry.retention.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Background work must not block the API's writes (issue 25): 20,000 due consent records are swept
 * (anonymised, the category's action) while 200 consent grants arrive, on a freshly started
 * application, with the sweep's default batch size. Every grant must succeed with its record stored,
 * none retried by the client. Prints the grants' latency and what the database's lock table showed on
 * consent_record while both ran (with batches of 10,000, Derby's table lock held every grant until the
 * batch committed).
 */
@ExtendWith(ArquillianExtension.class)
class GrantsDuringSweepIT {

    static final int DUE = 20_000;
    static final int GRANTS = 200;
    static final int CLIENTS = 8;

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

    @Test
    void everyGrantSucceedsWhileASweepAnonymisesTwentyThousandRows() throws Exception {
        Api api = new Api(base);
        Db db = new Db(dataSource);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 2 * CLIENTS; i++) {
            grant(api, "warm-" + run + "-" + i); // the first requests of a new deployment pay for class loading, not for locks
        }
        seedDueConsentRecords(run);
        long auditedBefore = count(db, "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'consent.grant'");

        LockWatch watch = new LockWatch(db.isPostgres());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
        try {
            Future<?> watching = pool.submit(watch);
            long sweepStarted = System.nanoTime();
            Future<Api.Reply> sweep = pool.submit(() -> api.post("api/v1/retention/sweeps", Api.ADMIN, ""));
            waitForTheSweepToRun(db, sweep);
            List<Future<long[]>> grants = new ArrayList<>();
            for (int i = 0; i < GRANTS; i++) {
                String subject = "grant-" + run + "-" + i;
                grants.add(pool.submit(() -> grant(api, subject)));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<long[]> grant : grants) {
                latencies.add(grant.get()[0]);
            }
            Api.Reply swept = sweep.get();
            double sweepSeconds = (System.nanoTime() - sweepStarted) / 1e9;
            watch.stop.set(true);
            watching.get();

            assertEquals(200, swept.status(), swept::toString);
            assertTrue(swept.json().getJsonNumber("anonymized").longValue() >= DUE, swept::toString);
            assertEquals(0, count(db, "SELECT COUNT(*) AS n FROM consent_record WHERE subject_id LIKE ?", "due-" + run + "-%"),
                    "every seeded due record was anonymised");
            assertEquals(DUE, count(db, "SELECT COUNT(*) AS n FROM consent_record WHERE channel = ? AND subject_id = '~anonymized'",
                    "seeded-" + run));
            assertEquals(GRANTS, count(db, "SELECT COUNT(*) AS n FROM consent_record WHERE subject_id LIKE ? AND status = 'GRANTED'"
                    + " AND live = 'Y'", "grant-" + run + "-%"), "every grant is stored, live");
            assertEquals(auditedBefore + GRANTS, count(db, "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'consent.grant'"),
                    "every grant is audited, once");

            Collections.sort(latencies);
            System.out.println(String.format("grants during a sweep of %,d due consent records (%s, default batch): %d grants,"
                            + " 0 failed; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; sweep %.2f s; lock samples on"
                            + " consent_record (kind mode state=samples): %s", DUE, watch.postgres ? "PostgreSQL" : "Derby", GRANTS,
                    latencies.get(GRANTS / 2) / 1e6, latencies.get((int) Math.ceil(GRANTS * 0.99) - 1) / 1e6,
                    latencies.get(GRANTS - 1) / 1e6, sweepSeconds, watch.seen));
        } finally {
            pool.shutdownNow();
            // the seeded volume is this test's fixture, not a state later tests should sweep past
            db.update("DELETE FROM consent_record WHERE channel = ?", "seeded-" + run);
        }
    }

    /**
     * An admin's grant (from a paper form): the ledger's write path that a bot's grant takes too, on
     * subjects no bot handed off (a bot may record consents only for its own conversations' subjects).
     */
    private static long[] grant(Api api, String subject) {
        long started = System.nanoTime();
        Api.Reply reply = api.put("api/v1/subjects/" + subject + "/consents/support-handoff", Api.ADMIN,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"paper-form\",\"evidence\":\"paper form PF-1\"}");
        long took = System.nanoTime() - started;
        if (reply.status() != 200 || !"GRANTED".equals(reply.json().getString("status"))
                || !subject.equals(reply.json().getString("subjectId"))) {
            throw new AssertionError("grant for " + subject + " failed: " + reply);
        }
        return new long[] {took};
    }

    private static long count(Db db, String sql, Object... parameters) throws Exception {
        return ((Number) db.rows(sql, parameters).get(0).get("n")).longValue();
    }

    private static void waitForTheSweepToRun(Db db, Future<Api.Reply> sweep) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (db.rows("SELECT id FROM sweep_run WHERE status = 'RUNNING'").isEmpty()) {
            if (sweep.isDone()) {
                throw new AssertionError("the sweep ended before any grant was sent: " + sweep.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sweep did not start");
            }
            Thread.sleep(5);
        }
    }

    /** {@code DUE} withdrawn consent records of distinct subjects, due a year ago, in JDBC batches. */
    private void seedDueConsentRecords(String run) throws Exception {
        Timestamp ended = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusYears(3));
        Timestamp due = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusYears(1));
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO consent_record"
                + " (subject_id, purpose, status, live, notice_version, channel, evidence, granted_at, granted_by, ended_at,"
                + " ended_by, retention_start, retain_until) VALUES (?, 'support-handoff', 'WITHDRAWN', NULL, '2026-11', ?,"
                + " 'seeded', ?, 'bot', ?, 'bot', ?, ?)")) {
            for (int i = 0; i < DUE; i++) {
                insert.setString(1, "due-" + run + "-" + i);
                insert.setString(2, "seeded-" + run);
                insert.setTimestamp(3, ended);
                insert.setTimestamp(4, ended);
                insert.setTimestamp(5, ended);
                insert.setTimestamp(6, due);
                insert.addBatch();
                if (i % 2000 == 1999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Samples the lock table for consent_record until stopped: which lock kinds were held, and waited for. */
    final class LockWatch implements Runnable {

        final boolean postgres;
        final AtomicBoolean stop = new AtomicBoolean();
        final Map<String, Integer> seen = Collections.synchronizedMap(new TreeMap<>());

        LockWatch(boolean postgres) {
            this.postgres = postgres;
        }

        @Override
        public void run() {
            String sql = postgres
                    ? "SELECT l.locktype AS type, l.mode AS mode, CASE WHEN l.granted THEN 'GRANT' ELSE 'WAIT' END AS state"
                    + " FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'consent_record'"
                    : "SELECT type, mode, state FROM SYSCS_DIAG.LOCK_TABLE WHERE tablename = 'CONSENT_RECORD'";
            Map<String, Integer> local = new ConcurrentHashMap<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
                while (!stop.get()) {
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            String kind = rs.getString("type").strip() + " " + rs.getString("mode").strip() + " "
                                    + rs.getString("state").strip();
                            local.merge(kind, 1, Integer::sum);
                        }
                    }
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                local.put("sampling failed: " + e.getClass().getSimpleName(), 1);
            }
            seen.putAll(local);
        }
    }
}
