package org.consentry.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.audit.boundary.ChainLinker;
import org.consentry.audit.entity.Outcome;
import org.consentry.testing.Db;
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
 * The audit chain on the real database: events link in order, and a changed, removed or appended row,
 * or a cut end, is found at its position. Each test puts back what it broke.
 */
@ExtendWith(ArquillianExtension.class)
@Proves(Duty.GDPR_32)
class AuditChainIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.component("audit-chain-it", "consentry.audit.link-interval=PT1H", "audit");
    }

    @Inject
    AuditTrail trail;

    @Inject
    ChainLinker linker;

    @Inject
    SubjectRefs refs;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    Db db;
    String subject;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        subject = "audit-" + UUID.randomUUID();
    }

    @Test
    void recordedEventsAreLinkedInOrderAndVerify() throws Exception {
        for (int i = 0; i < 5; i++) {
            trail.record(new AuditEntry("test.event", "support-handoff", subject, "field" + i, Outcome.DONE, "n=" + i));
        }
        linker.linkAll();
        var rows = db.rows("SELECT chain_seq, prev_hash, hash, field FROM audit_event WHERE subject_ref = ? ORDER BY chain_seq",
                refs.of(subject));
        assertEquals(5, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(((Number) rows.get(i - 1).get("chain_seq")).longValue() + 1, ((Number) rows.get(i).get("chain_seq")).longValue(),
                    "consecutive positions (no one else wrote meanwhile)");
            assertEquals(rows.get(i - 1).get("hash"), rows.get(i).get("prev_hash"));
        }
        var verification = linker.verify();
        assertTrue(verification.valid(), verification::toString);
        assertTrue(verification.entries() >= 5);
    }

    @Test
    @Proves(Duty.GDPR_25)
    void theTrailHoldsNoSubjectIdOnlyItsKeyedReference() throws Exception {
        trail.record(AuditEntry.of("test.event", Outcome.DONE).subject(subject));
        for (String value : db.everyValueOfEveryTable()) {
            assertFalse(value.contains(subject), "a subject id was stored in clear");
        }
        assertEquals(1, db.rows("SELECT id FROM audit_event WHERE subject_ref = ?", refs.of(subject)).size());
        assertTrue(refs.of(subject).startsWith("s_"));
        assertEquals(refs.of(subject), refs.of(subject));
        assertFalse(refs.of(subject).equals(refs.of(subject + "x")));
    }

    @Test
    void aChangedRowIsFoundAtItsPosition() throws Exception {
        Map<String, Object> row = recordOneAndLink();
        long seq = ((Number) row.get("chain_seq")).longValue();
        try {
            db.update("UPDATE audit_event SET outcome = 'DENIED' WHERE id = ?", row.get("id"));
            var broken = linker.verify();
            assertFalse(broken.valid());
            assertEquals(seq, broken.brokenAt());
            assertEquals(((Number) row.get("id")).longValue(), broken.brokenEventId());
            assertTrue(broken.problem().contains("content"), broken.problem());
        } finally {
            db.update("UPDATE audit_event SET outcome = ? WHERE id = ?", row.get("outcome"), row.get("id"));
        }
        assertTrue(linker.verify().valid());
    }

    @Test
    void aRemovedRowIsFoundAtItsPosition() throws Exception {
        Map<String, Object> row = recordOneAndLink();
        trail.record(AuditEntry.of("test.after", Outcome.DONE).subject(subject));
        linker.linkAll();
        long seq = ((Number) row.get("chain_seq")).longValue();
        db.update("DELETE FROM audit_event WHERE id = ?", row.get("id"));
        try {
            var broken = linker.verify();
            assertFalse(broken.valid());
            assertEquals(seq, broken.brokenAt());
            assertTrue(broken.problem().contains("missing"), broken.problem());
        } finally {
            reinsert(row);
        }
        assertTrue(linker.verify().valid());
    }

    @Test
    void aCutEndIsFound() throws Exception {
        Map<String, Object> last = recordOneAndLink();
        db.update("DELETE FROM audit_event WHERE id = ?", last.get("id"));
        try {
            var broken = linker.verify();
            assertFalse(broken.valid(), broken::toString);
        } finally {
            reinsert(last);
        }
        assertTrue(linker.verify().valid());
    }

    @Test
    void aForgedRowWithoutTheKeyIsFound() throws Exception {
        Map<String, Object> row = recordOneAndLink();
        try {
            db.update("UPDATE audit_event SET detail = 'nothing happened', hash = ? WHERE id = ?",
                    "0".repeat(64), row.get("id"));
            assertFalse(linker.verify().valid());
        } finally {
            db.update("UPDATE audit_event SET detail = ?, hash = ? WHERE id = ?", row.get("detail"), row.get("hash"), row.get("id"));
        }
        assertTrue(linker.verify().valid());
    }

    @Test
    void anUnlinkedEventIsReportedPending() throws Exception {
        trail.record(AuditEntry.of("test.pending", Outcome.DONE).subject(subject));
        var verification = linker.verify();
        assertTrue(verification.pending() >= 1);
        linker.linkAll();
        assertEquals(0, linker.verify().pending());
        assertNull(linker.verify().brokenAt());
    }

    private Map<String, Object> recordOneAndLink() throws Exception {
        trail.record(AuditEntry.of("test.target", Outcome.DONE).subject(subject).detail("original"));
        linker.linkAll();
        List<Map<String, Object>> rows = db.rows("SELECT * FROM audit_event WHERE subject_ref = ? AND action = 'test.target'",
                refs.of(subject));
        return rows.get(0);
    }

    private void reinsert(Map<String, Object> row) throws Exception {
        db.update("INSERT INTO audit_event (id, occurred_at, actor, actor_role, action, purpose, subject_ref, field, outcome,"
                        + " detail, chain_seq, prev_hash, hash, key_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("id"), row.get("occurred_at"), row.get("actor"), row.get("actor_role"), row.get("action"),
                row.get("purpose"), row.get("subject_ref"), row.get("field"), row.get("outcome"), row.get("detail"),
                row.get("chain_seq"), row.get("prev_hash"), row.get("hash"), row.get("key_version"));
    }
}
