package org.consentry.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.platform.control.Jdbc;

/**
 * Counts AES-GCM encryptions per key (GDPR Art. 32, key hygiene): wraps of data keys per KEK version and
 * seals per subject's data key. Counting in memory keeps the sealing path free of database writes; every
 * few seconds {@code KeyUsageFlush} adds the counts to kek_version and subject_key, on every server alike (the
 * columns only ever grow by what a server adds). A server killed between flushes loses at most that
 * interval's counts (a failed write keeps them for the next), which is why rotation is advised well before the AES-GCM bound.
 */
@ApplicationScoped
public class KeyUsage {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    // merge and remove are atomic per key: an increment lands either in what a flush takes or after it
    private final Map<Integer, Long> wraps = new ConcurrentHashMap<>();
    private final Map<String, Long> seals = new ConcurrentHashMap<>();

    public void wrapped(int kekVersion) {
        wraps.merge(kekVersion, 1L, Long::sum);
    }

    public void sealed(String subjectId, int fields) {
        seals.merge(subjectId, (long) fields, Long::sum);
    }

    /** What was counted since the last take, and is not counted here any more. */
    public record Counts(Map<Integer, Long> wraps, Map<String, Long> seals) {
        public boolean isEmpty() {
            return wraps.isEmpty() && seals.isEmpty();
        }
    }

    public Counts take() {
        return new Counts(drain(wraps), drain(seals));
    }

    /** Counts whose write failed: they go into the next one. */
    public void giveBack(Counts counts) {
        counts.wraps().forEach((version, n) -> wraps.merge(version, n, Long::sum));
        counts.seals().forEach((subject, n) -> seals.merge(subject, n, Long::sum));
    }

    /** Adds the counts to the database in the caller's transaction. */
    public void write(Counts counts) {
        try {
            Connection connection = Jdbc.connection(em);
            for (var entry : counts.wraps().entrySet()) {
                add(connection, entry.getKey(), entry.getValue());
            }
            addSeals(connection, counts.seals());
        } catch (SQLException e) {
            throw new IllegalStateException("key usage not written: " + e.getSQLState(), e);
        }
    }

    private static void add(Connection connection, int version, long count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE kek_version SET encryptions = encryptions + ? WHERE version = ?")) {
            update.setLong(1, count);
            update.setInt(2, version);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        // first count for this version; two servers inserting at once: one fails, keeps its counts, retries
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kek_version (version, encryptions) VALUES (?, ?)")) {
            insert.setInt(1, version);
            insert.setLong(2, count);
            insert.executeUpdate();
        }
    }

    private static void addSeals(Connection connection, Map<String, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        // an erased subject's row is gone: its update changes nothing, as it should
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE subject_key SET encryptions = encryptions + ? WHERE subject_id = ?")) {
            for (var entry : counts.entrySet()) {
                update.setLong(1, entry.getValue());
                update.setString(2, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static <K> Map<K, Long> drain(Map<K, Long> counts) {
        Map<K, Long> taken = new java.util.HashMap<>();
        for (K key : new ArrayList<>(counts.keySet())) {
            Long n = counts.remove(key);
            if (n != null) {
                taken.put(key, n);
            }
        }
        return taken;
    }
}
