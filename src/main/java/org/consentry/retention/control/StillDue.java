package org.consentry.retention.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consentry.platform.control.Jdbc;
import org.consentry.retention.entity.RetainedTable;

/**
 * Locks the rows of a sweep batch that are still due, and says which they are (for tables with
 * dependents; a table without them has the {@link #CONDITION} checked by each row's own statement). Between the read that
 * found them and the statements that delete or anonymise them (and their dependents, by id), another
 * transaction may have given a row a later retain_until (a policy re-stamp, a conversation closed, the
 * relationship restarted) or placed a legal hold on its subject. Without this, PostgreSQL's
 * {@code DELETE ... WHERE id = ANY(?)} waits for that transaction and then deletes the row anyway: the
 * id still matches, and nothing else is checked again. Once locked here, no re-stamp can move a row
 * until the batch commits.
 */
final class StillDue {

    /** A row of the table {@code t} that is due at the parameter and whose subject is under no legal hold. */
    static final String CONDITION = " AND t.retain_until <= ?" + SweepBatches.NOT_HELD;

    private StillDue() {
    }

    static List<Object> lock(Connection connection, Jdbc.Dialect dialect, RetainedTable table, List<Object> ids,
                             Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return ids;
        }
        return dialect == Jdbc.Dialect.POSTGRES ? selectForUpdate(connection, table, ids, now, CONDITION)
                : touch(connection, table, ids, now, CONDITION);
    }

    /**
     * PostgreSQL: SELECT ... FOR UPDATE re-reads a row that another transaction changed meanwhile and
     * returns it only if its newest version still matches the conditions.
     */
    private static List<Object> selectForUpdate(Connection connection, RetainedTable table, List<Object> ids, Instant now,
                                                String due) throws SQLException {
        String sql = "SELECT t." + table.idColumn() + " FROM " + table.table() + " t WHERE t." + table.idColumn()
                + " = ANY(?)" + due + " FOR UPDATE OF t";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf(ids.get(0) instanceof String ? "varchar" : "bigint", ids.toArray());
            s.setArray(1, array);
            s.setTimestamp(2, Jdbc.timestamp(now));
            List<Object> locked = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    locked.add(rs.getObject(1));
                }
            }
            return locked;
        }
    }

    /**
     * Derby: a row lock taken by an update that changes nothing, one row per statement of a JDBC batch,
     * whose counts say which rows still matched (Derby reads committed rows only, waiting for writers).
     */
    private static List<Object> touch(Connection connection, RetainedTable table, List<Object> ids, Instant now,
                                      String due) throws SQLException {
        String sql = "UPDATE " + table.table() + " t SET retain_until = retain_until WHERE t." + table.idColumn() + " = ?" + due;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (Object id : ids) {
                s.setObject(1, id);
                s.setTimestamp(2, Jdbc.timestamp(now));
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            List<Object> locked = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    locked.add(ids.get(i));
                }
            }
            return locked;
        }
    }
}
