package org.consentry.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consentry.platform.control.Jdbc;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionAction;
import org.consentry.retention.entity.SweepRun;

/**
 * One batch of a sweep, in the transaction of its own that SweepBatch opens: the due rows of one table (not under a legal
 * hold) are deleted or anonymised with what depends on them, and the run's counts go up by as much,
 * together or not at all. Plain SQL, not entity removal: a sweep moves many rows and the entity
 * listeners' work (dependents first) is done here for the whole batch. Nothing is left in a shared
 * cache: retained entities are never cacheable (RetainedTables refuses them).
 */
@ApplicationScoped
public class SweepBatches {

    /** The sweep's lease in job_lock. */
    public static final String JOB = "retention-sweep";

    /** Spares the rows of a subject under a live legal hold; {@code t} is the swept table. */
    static final String NOT_HELD = " AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.live = 'Y' AND h.subject_id = t.subject_id)";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    JobLock lock;

    /**
     * Derby turns a transaction's row locks on one table into a table lock past
     * derby.locks.escalationThreshold (5000): a batch of more rows would hold off every writer of the
     * table (a consent grant, a handoff) until it commits. A sweep on Derby commits every 1000 rows.
     */
    static final int DERBY_ROWS_PER_TRANSACTION = 1000;

    /**
     * How many due rows a batch found and handled (deleted or anonymised), how many dependent rows went
     * with them, and whether the batch was full (more may be due).
     */
    public record Batch(int found, int handled, int dependents, boolean more) {
    }

    /** The job lost its lock (it stalled past its lease and another server took over): this batch is undone. */
    public static class LostLock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostLock() {
            super("the retention sweep lost its lock", null, false, false);
        }
    }

    public SweepRun openRun(String by, Instant now) {
        List<SweepRun> unfinished = em.createNamedQuery(SweepRun.UNFINISHED, SweepRun.class).setMaxResults(1).getResultList();
        if (!unfinished.isEmpty()) {
            return unfinished.get(0);
        }
        SweepRun run = new SweepRun(by, now);
        em.persist(run);
        return run;
    }

    public Batch expire(String runId, String owner, Duration lease, RetainedTable table, RetentionAction action,
                        Instant now, int limit) {
        if (!lock.renew(JOB, owner, lease)) {
            throw new LostLock();
        }
        Connection connection = Jdbc.connection(em);
        Batch batch;
        try {
            Jdbc.Dialect dialect = Jdbc.Dialect.of(connection);
            int rows = dialect == Jdbc.Dialect.DERBY ? Math.min(limit, DERBY_ROWS_PER_TRANSACTION) : limit;
            if (dialect == Jdbc.Dialect.POSTGRES && action == RetentionAction.DELETE && table.dependents().isEmpty()) {
                int deleted = deleteByRowAddress(connection, table, now, rows);
                batch = new Batch(deleted, deleted, 0, deleted == rows);
            } else if (table.dependents().isEmpty()) {
                // nothing depends on the rows: each statement checks again that its row is still due
                List<Object> found = dueIds(connection, table, now, rows);
                int handled = handle(connection, dialect, table, action, found, StillDue.CONDITION,
                        (statement, first) -> statement.setTimestamp(first, Jdbc.timestamp(now)));
                batch = new Batch(found.size(), handled, 0, found.size() == rows);
            } else {
                // dependents go first, by the rows' ids: the rows must stay due until the batch commits
                List<Object> found = dueIds(connection, table, now, rows);
                List<Object> ids = StillDue.lock(connection, dialect, table, found, now);
                int dependents = removeDependents(connection, dialect, table, ids);
                batch = new Batch(found.size(), handle(connection, dialect, table, action, ids), dependents, found.size() == rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("retention sweep of " + table.table() + " failed", e);
        }
        SweepRun run = em.find(SweepRun.class, runId);
        run.add(table.category(), action, batch.handled());
        run.add(table.category(), RetentionAction.DELETE, batch.dependents());
        return batch;
    }

    public SweepRun closeRun(String runId, Instant now) {
        SweepRun run = em.find(SweepRun.class, runId);
        run.finish(now);
        return run;
    }

    /**
     * Deletes or anonymises the rows {@code ids} of {@code table} on the caller's connection, their
     * dependents removed before ({@link #removeDependents}). Returns the rows handled.
     */
    public static int handle(Connection connection, Jdbc.Dialect dialect, RetainedTable table, RetentionAction action,
                             List<?> ids) throws SQLException {
        return handle(connection, dialect, table, action, ids, "", Jdbc.Binder.NONE);
    }

    /** The same for the rows that also meet {@code condition} on the table {@code t}, its parameters bound by {@code rest}. */
    static int handle(Connection connection, Jdbc.Dialect dialect, RetainedTable table, RetentionAction action,
                      List<?> ids, String condition, Jdbc.Binder rest) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        String rows = " t WHERE t." + table.idColumn() + " IN_LIST" + condition;
        if (action == RetentionAction.DELETE) {
            return Jdbc.forEach(connection, dialect, "DELETE FROM " + table.table() + rows, ids, rest);
        }
        return Jdbc.forEach(connection, dialect, "UPDATE " + table.table() + " t SET " + String.join(", ", table.anonymized())
                + ", retention_start = NULL, retain_until = NULL WHERE t." + table.idColumn() + " IN_LIST" + condition, ids, rest);
    }

    /** Removes the rows that depend on the rows {@code ids} of {@code table} (shared with the ErasureListener). */
    public static int removeDependents(Connection connection, Jdbc.Dialect dialect, RetainedTable table, List<?> ids)
            throws SQLException {
        int rows = 0;
        for (RetainedTable.Dependent dependent : table.dependents()) {
            rows += Jdbc.forEach(connection, dialect, "DELETE FROM " + dependent.table() + " WHERE " + dependent.column()
                    + " IN_LIST", ids, Jdbc.Binder.NONE);
        }
        return rows;
    }

    private static List<Object> dueIds(Connection connection, RetainedTable table, Instant now, int limit) throws SQLException {
        String sql = "SELECT t." + table.idColumn() + " FROM " + table.table() + " t WHERE t.retain_until <= ?" + NOT_HELD
                + " FETCH FIRST " + limit + " ROWS ONLY";
        List<Object> ids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setTimestamp(1, Jdbc.timestamp(now));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1));
                }
            }
        }
        return ids;
    }

    /**
     * PostgreSQL: one statement per batch, addressing the due rows by their physical address (ctid)
     * rather than shipping their ids back and forth. The index on retain_until finds them.
     */
    private static int deleteByRowAddress(Connection connection, RetainedTable table, Instant now, int limit) throws SQLException {
        String sql = "DELETE FROM " + table.table() + " WHERE ctid = ANY(ARRAY(SELECT t.ctid FROM " + table.table()
                + " t WHERE t.retain_until <= ?" + NOT_HELD + " LIMIT " + limit + "))";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setTimestamp(1, Jdbc.timestamp(now));
            return s.executeUpdate();
        }
    }
}
