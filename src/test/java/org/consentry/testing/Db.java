package org.consentry.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** Plain JDBC for in-container tests: what is really in the tables, past JPA and its caches. */
public final class Db {

    private final DataSource dataSource;

    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT),
                                value instanceof String s ? s.strip() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    public int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                u.setObject(i + 1, parameters[i]);
            }
            return u.executeUpdate();
        }
    }

    public boolean isPostgres() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
    }

    /** The binary column type the migrations use (placeholder ${bytes}). */
    public String bytesType() throws SQLException {
        return isPostgres() ? "BYTEA" : "VARCHAR(32672) FOR BIT DATA";
    }

    /** Creates a test-only table unless it exists already (the schema proper belongs to Flyway). */
    public void createIfMissing(String table, String ddl) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet tables = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
                while (tables.next()) {
                    if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                        return;
                    }
                }
            }
            try (var s = c.createStatement()) {
                s.execute(ddl);
            }
        }
    }

    /**
     * Inserts {@code count} transcript rows of an escalation straight into the table (seq from
     * {@code firstSeq}, sent and stamped at {@code at}, the given bytes as body), in JDBC batches: volume
     * for the sweep and erasure measurements, which delete rows and never open them.
     */
    public void insertMessages(String escalationId, String subjectId, int count, int firstSeq, java.sql.Timestamp at,
                               byte[] body) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO"
                + " escalation_message (id, escalation_id, seq, sender, subject_id, sent_at, body, retention_start, retain_until)"
                + " VALUES (?, ?, ?, 'CUSTOMER', ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, java.util.UUID.randomUUID().toString());
                insert.setString(2, escalationId);
                insert.setInt(3, firstSeq + i);
                insert.setString(4, subjectId);
                insert.setTimestamp(5, at);
                insert.setBytes(6, body);
                insert.setTimestamp(7, at);
                insert.setTimestamp(8, at);
                insert.addBatch();
                if (i % 2000 == 1999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Every table of the application's schema, with every value of every row rendered as text. */
    public List<String> everyValueOfEveryTable() throws SQLException {
        List<String> values = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || schema.equalsIgnoreCase("SYS") || schema.equalsIgnoreCase("information_schema")
                        || schema.startsWith("pg_")) {
                    continue;
                }
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            for (Map<String, Object> row : rows("SELECT * FROM \"" + table + "\"")) {
                for (Object value : row.values()) {
                    if (value instanceof byte[] bytes) {
                        values.add(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                    } else if (value != null) {
                        values.add(value.toString());
                    }
                }
            }
        }
        return values;
    }
}
