package org.consentry.platform.control;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Plain JDBC on the connection of the caller's JPA transaction, for set-based work that JPQL does
 * badly (bulk deletes by a list of ids, keyset batches): same connection, same transaction, so it
 * commits or rolls back with everything else. The connection belongs to the persistence context:
 * statements are closed here, the connection never.
 */
public final class Jdbc {

    public enum Dialect {
        DERBY, POSTGRES;

        public static Dialect of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? POSTGRES : DERBY;
        }
    }

    private Jdbc() {
    }

    /** The JDBC connection of the transaction the entity manager takes part in. */
    public static Connection connection(EntityManager em) {
        return em.unwrap(Connection.class);
    }

    /** Instants are stored as UTC wall time (InstantConverter); the same here. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /**
     * Runs {@code sql}, whose one {@code ?} list placeholder is written {@code IN_LIST}, for every value:
     * on PostgreSQL once, as {@code = ANY(array)}; elsewhere as a JDBC batch with {@code = ?}. Values are
     * all strings or all longs. Further parameters follow the list, set by {@code rest}. Returns the rows
     * affected.
     */
    public static int forEach(Connection connection, Dialect dialect, String sql, List<?> values, Binder rest)
            throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        if (dialect == Dialect.POSTGRES) {
            try (PreparedStatement statement = connection.prepareStatement(sql.replace("IN_LIST", "= ANY(?)"))) {
                String type = values.get(0) instanceof String ? "varchar" : "bigint";
                Array array = connection.createArrayOf(type, values.toArray());
                statement.setArray(1, array);
                rest.bind(statement, 2);
                return statement.executeUpdate();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.replace("IN_LIST", "= ?"))) {
            for (Object value : values) {
                statement.setObject(1, value);
                rest.bind(statement, 2);
                statement.addBatch();
            }
            int total = 0;
            for (int count : statement.executeBatch()) {
                total += Math.max(count, 0);
            }
            return total;
        }
    }

    /** Sets the parameters after the list, from position {@code first}. */
    @FunctionalInterface
    public interface Binder {
        Binder NONE = (statement, first) -> { };

        void bind(PreparedStatement statement, int first) throws SQLException;
    }
}
