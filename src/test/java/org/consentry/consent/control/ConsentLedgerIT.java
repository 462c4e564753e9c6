package org.consentry.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.consentry.consent.entity.ConsentRecord;
import org.consentry.consent.entity.ConsentStatus;
import org.consentry.platform.control.ProblemException;
import org.consentry.testing.Deployments;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consent control bean inside the server, on the real database: what it writes is read back
 * with plain JDBC, and the constraints that guard the ledger are tried directly.
 */
@ExtendWith(ArquillianExtension.class)
class ConsentLedgerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.component("consent-ledger-it", """
                consentry.purposes=support-handoff,crm-sync,order-support
                consentry.purposes.crm-sync.accepted-notice-versions=2026-06
                consentry.purposes.order-support.basis=contract
                consentry.purposes.order-support.notice-version=2026-11
                consentry.purposes.order-support.text.en=Answering questions about your orders.
                consentry.purposes.order-support.text.pl=Odpowiedzi na pytania o zamówienia.
                """, "consent");
    }

    @Inject
    ConsentLedger ledger;

    @Inject
    Purposes purposes;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    @Resource(lookup = "jdbc/consentry")
    DataSource db;

    String subject;

    @BeforeEach
    void newSubject() {
        subject = "ledger-" + UUID.randomUUID();
    }

    @Test
    @Proves(Duty.GDPR_7_1)
    void aGrantIsStoredWithEverythingArticle7AsksFor() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        ConsentRecord record = inTx(() -> ledger.grant(subject, purposes.get("support-handoff"),
                new ConsentLedger.Grant("2026-11", "chat-widget", "message m-1"), "bot"));

        List<Map<String, Object>> rows = rows();
        assertEquals(1, rows.size());
        Map<String, Object> row = rows.get(0);
        assertEquals(record.id(), ((Number) row.get("id")).longValue());
        assertEquals("support-handoff", row.get("purpose"));
        assertEquals("GRANTED", row.get("status"));
        assertEquals("Y", row.get("live"));
        assertEquals("2026-11", row.get("notice_version"));
        assertEquals("chat-widget", row.get("channel"));
        assertEquals("message m-1", row.get("evidence"));
        assertEquals("bot", row.get("granted_by"));
        Instant stored = ((Timestamp) row.get("granted_at")).toLocalDateTime().toInstant(ZoneOffset.UTC);
        assertEquals(record.grantedAt(), stored, "the stored time is UTC and what the API answers");
        assertTrue(stored.isAfter(before) && Duration.between(stored, Instant.now()).getSeconds() < 60);
        assertNull(row.get("ended_at"));
        assertTrue(inTx(() -> ledger.hasCurrentConsent(subject, purposes.get("support-handoff"))));
    }

    @Test
    @Proves(Duty.GDPR_7_1)
    void aGrantUnderAnotherNoticeSupersedesTheLiveOne() throws Exception {
        var crm = purposes.get("crm-sync");
        inTx(() -> ledger.grant(subject, crm, new ConsentLedger.Grant("2026-06", "web", "form f-1"), "bot"));
        inTx(() -> ledger.grant(subject, crm, new ConsentLedger.Grant("2026-11", "web", "form f-2"), "admin"));

        List<Map<String, Object>> rows = rows();
        assertEquals(2, rows.size());
        assertEquals("SUPERSEDED", rows.get(0).get("status"));
        assertNull(rows.get(0).get("live"));
        assertEquals("admin", rows.get(0).get("ended_by"));
        assertNotNull(rows.get(0).get("ended_at"));
        assertEquals("GRANTED", rows.get(1).get("status"));
        assertEquals("Y", rows.get(1).get("live"));
        assertEquals("2026-11", rows.get(1).get("notice_version"));
    }

    @Test
    @Proves({Duty.GDPR_7_3, Duty.GDPR_7_1})
    void withdrawalEndsTheLiveRecordAndKeepsIt() throws Exception {
        var handoff = purposes.get("support-handoff");
        inTx(() -> ledger.grant(subject, handoff, new ConsentLedger.Grant("2026-11", "chat", "m-2"), "bot"));
        var withdrawn = inTx(() -> ledger.withdraw(subject, handoff, "bot"));

        assertEquals(ConsentStatus.WITHDRAWN, withdrawn.orElseThrow().status());
        Map<String, Object> row = rows().get(0);
        assertEquals("WITHDRAWN", row.get("status"));
        assertNull(row.get("live"));
        assertEquals("bot", row.get("ended_by"));
        assertFalse(inTx(() -> ledger.hasCurrentConsent(subject, handoff)));
        assertTrue(inTx(() -> ledger.withdraw(subject, handoff, "bot")).isEmpty(), "nothing left to withdraw");
    }

    @Test
    @Proves(Duty.GDPR_7_1)
    void aConsentUnderANoticeNoLongerAcceptedIsNotCurrent() throws Exception {
        insertRaw(subject, "support-handoff", "GRANTED", "Y", "2025-01");
        assertTrue(inTx(() -> ledger.live(subject, "support-handoff")).isPresent());
        assertFalse(inTx(() -> ledger.hasCurrentConsent(subject, purposes.get("support-handoff"))));
    }

    @Test
    void thePurposeOfAnotherLawfulBasisTakesNoConsent() throws Exception {
        var problem = assertThrows(ProblemException.class, () -> inTx(() -> ledger.grant(subject,
                purposes.get("order-support"), new ConsentLedger.Grant("2026-11", "chat", "m-3"), "bot")));
        assertEquals("consent-not-applicable", problem.type().slug());
        assertEquals("CONTRACT", problem.members().get("lawfulBasis"));
        assertEquals(0, rows().size());
    }

    @Test
    void theDatabaseHoldsAtMostOneLiveConsentPerPurpose() throws Exception {
        insertRaw(subject, "crm-sync", "GRANTED", "Y", "2026-11");
        SQLException twice = assertThrows(SQLException.class, () -> insertRaw(subject, "crm-sync", "GRANTED", "Y", "2026-11"));
        assertTrue(twice.getSQLState().startsWith("23"), twice.getSQLState());
        // ended records do not compete for the live slot
        insertRaw(subject, "crm-sync", "WITHDRAWN", null, "2026-11");
        insertRaw(subject, "crm-sync", "WITHDRAWN", null, "2026-11");
        assertEquals(3, rows().size());
    }

    @Test
    void theDatabaseRefusesInconsistentRecords() {
        SQLException liveButWithdrawn = assertThrows(SQLException.class,
                () -> insertRaw(subject, "crm-sync", "WITHDRAWN", "Y", "2026-11"));
        assertTrue(liveButWithdrawn.getSQLState().startsWith("23"), liveButWithdrawn.getSQLState());
        SQLException unknownStatus = assertThrows(SQLException.class,
                () -> insertRaw(subject, "crm-sync", "MAYBE", null, "2026-11"));
        assertTrue(unknownStatus.getSQLState().startsWith("23"), unknownStatus.getSQLState());
    }

    private <T> T inTx(Callable<T> work) throws Exception {
        tx.begin();
        try {
            T result = work.call();
            tx.commit();
            return result;
        } catch (Exception | Error e) {
            tx.rollback();
            throw e;
        }
    }

    private List<Map<String, Object>> rows() throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT * FROM consent_record WHERE subject_id = ? ORDER BY id")) {
            q.setString(1, subject);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                                value instanceof String s ? s.strip() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private void insertRaw(String subjectId, String purpose, String status, String live, String notice) throws SQLException {
        boolean ended = !"GRANTED".equals(status);
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO consent_record (subject_id, purpose, status, live, notice_version, channel, evidence,"
                        + " granted_at, granted_by, ended_at, ended_by) VALUES (?, ?, ?, ?, ?, 'test', 'raw insert', ?, 'test', ?, ?)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
            insert.setString(1, subjectId);
            insert.setString(2, purpose);
            insert.setString(3, status);
            insert.setString(4, live);
            insert.setString(5, notice);
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, ended ? now : null);
            insert.setString(8, ended ? "test" : null);
            insert.executeUpdate();
        }
    }
}
