package org.consentry.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.consentry.platform.control.Jdbc;
import org.consentry.retention.entity.RetainedRow;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionPolicy;
import org.consentry.retention.entity.RetentionStart;

/**
 * Stamps rows with when they must go. A row's clock starts when the entity says (collected, resolved,
 * ended) and only moves forward: a clock restarted from outside (a conversation closed, a customer
 * relationship ended) is not undone by a later update of the row. An entity that says "not started"
 * (an outbox entry back in delivery) clears it, except in categories whose clock the relationship end
 * starts, which only that signal sets.
 */
@ApplicationScoped
public class RetentionStamps {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    RetainedTables tables;

    @Inject
    RetentionPolicies policies;

    /** Called by the RetentionListener before a row is inserted or updated. */
    public void stamp(RetainedRow row) {
        RetainedTable table = tables.required(row.getClass());
        RetentionPolicy policy = policies.effective(table.category());
        Instant start = startOf(policy.starts(), row.retentionClockStart(), row.retentionStart());
        Instant until = policy.until(start);
        if (!java.util.Objects.equals(start, row.retentionStart()) || !java.util.Objects.equals(until, row.retainUntil())) {
            row.retain(start, until);
        }
    }

    /**
     * Restarts the clock of every row of {@code entity} whose {@code column} equals {@code value}, in the
     * caller's transaction (the transcript of a conversation that closes). Returns the rows stamped.
     */
    public int restart(Class<?> entity, String column, Object value, Instant start) {
        RetainedTable table = tables.required(entity);
        Instant at = start.truncatedTo(ChronoUnit.MILLIS);
        Instant until = policies.effective(table.category()).until(at);
        String sql = "UPDATE " + table.table() + " SET retention_start = ?, retain_until = ? WHERE " + column(column)
                + " = ? AND (retention_start IS NULL OR retention_start < ?)";
        return update(sql, (ps, first) -> {
            ps.setTimestamp(1, Jdbc.timestamp(at));
            ps.setTimestamp(2, Jdbc.timestamp(until));
            ps.setObject(3, value);
            ps.setTimestamp(4, Jdbc.timestamp(at));
        });
    }

    /**
     * The customer relationship with the subject ended (the CRM or an admin says so): the clock of every
     * row in a category that waits for it starts now. Returns the rows stamped, per table.
     */
    public java.util.Map<String, Integer> relationshipEnded(String subjectId, Instant at) {
        Instant start = at.truncatedTo(ChronoUnit.MILLIS);
        java.util.Map<String, Integer> stamped = new java.util.LinkedHashMap<>();
        for (RetentionPolicy policy : policies.all()) {
            if (policy.starts() != RetentionStart.RELATIONSHIP_END) {
                continue;
            }
            for (RetainedTable table : tables.inCategory(policy.category())) {
                String sql = "UPDATE " + table.table() + " SET retention_start = ?, retain_until = ?"
                        + " WHERE subject_id = ? AND retention_start IS NULL";
                stamped.put(table.table(), update(sql, (ps, first) -> {
                    ps.setTimestamp(1, Jdbc.timestamp(start));
                    ps.setTimestamp(2, Jdbc.timestamp(policy.until(start)));
                    ps.setString(3, subjectId);
                }));
            }
        }
        return stamped;
    }

    private int update(String sql, Jdbc.Binder binder) {
        em.flush(); // entities of this transaction reach the rows first
        Connection connection = Jdbc.connection(em);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement, 1);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("retention stamp failed on " + sql.substring(7, sql.indexOf(" SET")), e);
        }
    }

    private static String column(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a column name: " + name);
        }
        return name;
    }

    /**
     * Where a row's clock stands after a change: for categories that wait for the relationship's end,
     * where that signal put it (or nowhere yet); otherwise where the entity says, but never back from a
     * restart (the later of the two), and nowhere when the entity says it has not started.
     */
    static Instant startOf(RetentionStart starts, Instant entityClock, Instant stored) {
        Instant start;
        if (starts == RetentionStart.RELATIONSHIP_END) {
            start = stored;
        } else if (entityClock == null) {
            start = null;
        } else {
            start = stored == null || entityClock.isAfter(stored) ? entityClock : stored;
        }
        return start == null ? null : start.truncatedTo(ChronoUnit.MILLIS);
    }
}
