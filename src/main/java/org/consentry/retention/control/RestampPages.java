package org.consentry.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consentry.platform.control.Jdbc;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The steps of a re-stamp, each in a transaction of its own that the caller opens: one keyset page of
 * a table's rows stamped with a policy, and a category's re-stamp marked done.
 */
@ApplicationScoped
public class RestampPages {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "consentry.retention.restamp-batch", defaultValue = "1000")
    int pageSize;

    /** One page after {@code after}; {@code last} is null when it was the final one. */
    public record Page(Object last, int stamped) {
    }

    public Page page(RetainedTable table, RetentionPolicy policy, Object after, boolean onlyUnstamped) {
        Connection connection = Jdbc.connection(em);
        String select = "SELECT " + table.idColumn() + ", retention_start, retain_until FROM " + table.table()
                + " WHERE retention_start IS NOT NULL" + (onlyUnstamped ? " AND retain_until IS NULL" : "") + (after == null ? "" : " AND " + table.idColumn() + " > ?")
                + " ORDER BY " + table.idColumn() + " FETCH FIRST " + pageSize + " ROWS ONLY";
        List<Object[]> changes = new ArrayList<>();
        Object last = null;
        int seen = 0;
        try {
            try (PreparedStatement s = connection.prepareStatement(select)) {
                if (after != null) {
                    s.setObject(1, after);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        last = rs.getObject(1);
                        Instant start = Jdbc.instant(rs.getTimestamp(2));
                        Instant until = policy.until(start);
                        if (!until.equals(Jdbc.instant(rs.getTimestamp(3)))) {
                            changes.add(new Object[] {last, rs.getTimestamp(2), Jdbc.timestamp(until)});
                        }
                    }
                }
            }
            if (!changes.isEmpty()) {
                try (PreparedStatement u = connection.prepareStatement("UPDATE " + table.table()
                        + " SET retain_until = ? WHERE " + table.idColumn() + " = ? AND retention_start = ?")) {
                    for (Object[] change : changes) {
                        u.setTimestamp(1, (java.sql.Timestamp) change[2]);
                        u.setObject(2, change[0]);
                        u.setTimestamp(3, (java.sql.Timestamp) change[1]);
                        u.addBatch();
                    }
                    u.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("re-stamp of " + table.table() + " failed", e);
        }
        return new Page(seen == pageSize ? last : null, changes.size());
    }

    /** The re-stamp for the change made at {@code version} is complete (a newer change keeps its mark). */
    public void done(String category, Instant version) {
        try (PreparedStatement s = Jdbc.connection(em).prepareStatement(
                "UPDATE retention_policy SET restamp = NULL WHERE category = ? AND updated_at = ?")) {
            s.setString(1, category);
            s.setTimestamp(2, Jdbc.timestamp(version));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("re-stamp mark cannot be cleared", e);
        }
    }
}
