package org.consentry.retention.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
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
 * A benchmark that prints figures and asserts only outcomes: the retention sweep against a raw
 * {@code DELETE} of the same due rows in the same database (100,000 transcript rows on PostgreSQL,
 * 20,000 on Derby), alternated twice, the table vacuumed between rounds on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class SweepThroughputIT {

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
    Sweeper sweeper;

    @Test
    void sweepAgainstARawDelete() throws Exception {
        Db db = new Db(dataSource);
        boolean postgres = db.isPostgres();
        int rows = postgres ? 100_000 : 20_000;
        Handoff handoff = new Handoff().withConsent();
        String escalation = handoff.handOff(new Api(base));
        sweeper.sweep(); // nothing else due, and the code paths warm
        seed(postgres, escalation, handoff.subjectId, 10_000, 0);
        sweeper.sweep();

        List<String> lines = new ArrayList<>();
        double bestSweep = 0;
        double bestRaw = 0;
        for (int round = 1; round <= 2; round++) {
            seed(postgres, escalation, handoff.subjectId, rows, round * 1_000_000);
            long started = System.nanoTime();
            int deleted;
            try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM escalation_message WHERE retain_until <= ?")) {
                delete.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                deleted = delete.executeUpdate();
            }
            double rawRate = rate(deleted, started);
            assertEquals(rows, deleted);
            vacuum(postgres);

            seed(postgres, escalation, handoff.subjectId, rows, round * 1_000_000 + 500_000);
            started = System.nanoTime();
            SweepRun run = sweeper.sweep();
            double sweepRate = rate(run.deleted(), started);
            assertEquals(rows, run.deleted(), "the sweep deleted exactly the seeded rows");
            assertEquals(0, db.rows("SELECT id FROM escalation_message WHERE escalation_id = ? AND seq > 2", escalation).size());
            vacuum(postgres);

            bestRaw = Math.max(bestRaw, rawRate);
            bestSweep = Math.max(bestSweep, sweepRate);
            lines.add(String.format("round %d: raw DELETE %,.0f rows/s, sweep %,.0f rows/s", round, rawRate, sweepRate));
        }
        System.out.println(String.format("retention sweep vs raw DELETE of %,d due transcript rows (%s, %s): %s;"
                        + " best: sweep %,.0f rows/s, raw %,.0f rows/s, ratio %.2f", rows, postgres ? "PostgreSQL" : "Derby",
                postgres ? "batches of 10000" : "batches of 1000, under Derby's lock escalation", String.join("; ", lines),
                bestSweep, bestRaw, bestSweep / bestRaw));
    }

    private static double rate(long rows, long startedNanos) {
        return rows / ((System.nanoTime() - startedNanos) / 1e9);
    }

    /** {@code count} transcript rows of the escalation, all due a day ago. */
    private void seed(boolean postgres, String escalation, String subject, int count, int firstSeq) throws Exception {
        Timestamp due = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        if (postgres) {
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO escalation_message (id, escalation_id, seq, sender, subject_id, sent_at, body, retention_start,"
                            + " retain_until) SELECT md5(? || g::text), ?, ? + g, 'CUSTOMER', ?, ?, decode(repeat('ab', 300), 'hex'),"
                            + " ?, ? FROM generate_series(1, ?) g")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, escalation);
                insert.setInt(3, firstSeq + 10);
                insert.setString(4, subject);
                insert.setTimestamp(5, due);
                insert.setTimestamp(6, due);
                insert.setTimestamp(7, due);
                insert.setInt(8, count);
                insert.executeUpdate();
            }
        } else {
            new Db(dataSource).insertMessages(escalation, subject, count, firstSeq + 10, due, new byte[300]);
        }
        vacuum(postgres);
    }

    /** Dead rows of the last round out of the way, fresh statistics: both contenders start alike. */
    private void vacuum(boolean postgres) throws Exception {
        if (!postgres) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE escalation_message");
        }
    }
}
