package org.consentry.compliance.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.consentry.audit.control.SubjectRefs;
import org.consentry.compliance.entity.Holding;
import org.consentry.platform.control.Jdbc;

/**
 * What each subject had where an attacker could reach it during a window, read in the caller's
 * transaction: the rows stored before the window ended, what the servers processed in it (the audit
 * trail names the subjects), what went to the CRM in it, and which KEK versions wrapped each data key.
 * Rows deleted since (retention, erasure) cannot be listed; erasures are counted instead.
 */
@Dependent
public class BreachHoldings {

    /** The tables with a subject_id column and a time the row was stored, and what they hold. */
    record Table(String name, String storedAt, String category, boolean sealed) {
    }

    /** Every table of personal data: the application refuses to start when PersonalDataMap finds one more. */
    static final List<Table> TABLES = List.of(
            new Table("escalation", "created_at", "contact", true),
            new Table("escalation", "created_at", "activity", false),
            new Table("escalation", "created_at", "transcript", true), // the reason, sealed (V10)
            new Table("escalation_message", "sent_at", "transcript", true),
            new Table("pii_token", "created_at", "transcript", true),
            new Table("crm_contact", "captured_at", "contact", true),
            new Table("crm_token", "created_at", "contact", true),
            new Table("consent_record", "granted_at", "activity", false),
            new Table("outbox_entry", "created_at", "technical", false));

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    /** Refuses a table of personal data that a breach assessment would not look at. */
    static void verifyCovers(List<PersonalDataMap.Place> places) {
        Set<String> covered = new HashSet<>();
        TABLES.forEach(t -> covered.add(t.name() + ":" + t.category()));
        List<String> missing = places.stream().map(p -> p.table() + ":" + p.category()).filter(k -> !covered.contains(k))
                .distinct().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Personal data a breach assessment would miss (add it to BreachHoldings.TABLES): " + missing);
        }
    }

    @Inject
    SubjectRefs refs;

    @Inject
    CrmHoldings crm;

    /** One subject's holdings and the KEK versions that may have wrapped its data key in the window. */
    public record Subject(Set<Holding> holdings, Set<Integer> keyVersions) {
    }

    public record Found(Map<String, Subject> subjects, long erasedSince) {
    }

    public Found during(Instant from, Instant to) {
        Map<String, Subject> subjects = new TreeMap<>();
        try {
            Connection connection = Jdbc.connection(em);
            for (Table table : TABLES) {
                for (String subject : subjects(connection, "SELECT DISTINCT subject_id FROM " + table.name()
                        + " WHERE subject_id IS NOT NULL AND " + table.storedAt() + " < ?", to)) {
                    subject(subjects, subject).holdings().add(new Holding(table.category(), Holding.Source.DATABASE, table.sealed()));
                }
            }
            processed(connection, subjects, from, to);
            crm.add(connection, subjects, from, to);
            keyVersions(connection, subjects, from);
            subjects.keySet().removeIf(id -> id.startsWith("~")); // anonymised rows name nobody
            return new Found(subjects, erasedSince(connection, from));
        } catch (SQLException e) {
            throw new IllegalStateException("breach assessment query failed: " + e.getSQLState(), e);
        }
    }

    /** Subjects whose data a server handled in the window: its memory held their values in clear. */
    private void processed(Connection connection, Map<String, Subject> subjects, Instant from, Instant to) throws SQLException {
        Set<String> touched = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT subject_ref FROM audit_event"
                + " WHERE subject_ref IS NOT NULL AND occurred_at >= ? AND occurred_at < ?")) {
            query.setTimestamp(1, Jdbc.timestamp(from));
            query.setTimestamp(2, Jdbc.timestamp(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    touched.add(rows.getString(1));
                }
            }
        }
        for (var entry : subjects.entrySet()) {
            if (touched.contains(refs.of(entry.getKey()))) {
                Set<Holding> inMemory = new HashSet<>();
                for (Holding h : entry.getValue().holdings()) {
                    inMemory.add(new Holding(h.category(), Holding.Source.MEMORY, false));
                }
                entry.getValue().holdings().addAll(inMemory);
            }
        }
    }

    /** The version wrapping each data key now, and the older ones too where a re-wrap came after the window began. */
    private static void keyVersions(Connection connection, Map<String, Subject> subjects, Instant from) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT subject_id, kek_version, rewrapped_at FROM subject_key");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Subject subject = subjects.get(rows.getString(1));
                if (subject == null) {
                    continue;
                }
                int version = rows.getInt(2);
                subject.keyVersions().add(version);
                Instant rewrapped = Jdbc.instant(rows.getTimestamp(3));
                if (rewrapped != null && !rewrapped.isBefore(from)) {
                    for (int older = 1; older < version; older++) {
                        subject.keyVersions().add(older);
                    }
                }
            }
        }
    }

    private static long erasedSince(Connection connection, Instant from) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM erasure_request WHERE erased_at >= ?")) {
            query.setTimestamp(1, Jdbc.timestamp(from));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<String> subjects(Connection connection, String sql, Instant before) throws SQLException {
        List<String> found = new java.util.ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setTimestamp(1, Jdbc.timestamp(before));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    static Subject subject(Map<String, Subject> subjects, String id) {
        return subjects.computeIfAbsent(id, s -> new Subject(new HashSet<>(), new HashSet<>()));
    }
}
