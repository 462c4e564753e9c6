package org.consentry.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.consentry.audit.control.SubjectRefs;
import org.consentry.consent.control.ConsentLedger;
import org.consentry.consent.control.Purposes;
import org.consentry.platform.control.ProblemException;
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
 * Sealing, the consent guard and the audit working together in one deployment, on the real database:
 * personal fields are written only as ciphertext by the entity listener (with its CDI injection),
 * open only through the service, and fail closed when moved, altered or shredded.
 */
@ExtendWith(ArquillianExtension.class)
class SealingIT {

    static final String EMAIL = "jan.kowalski@example.com";
    static final String PHONE = "+48 601 234 567";

    @Deployment
    static WebArchive deployment() {
        return Deployments.component("sealing-it", "", "crypto", "consent");
    }

    @Inject
    CanaryService canary;

    @Inject
    FieldSealer sealer;

    @Inject
    SubjectKeys keys;

    @Inject
    ConsentLedger ledger;

    @Inject
    Purposes purposes;

    @Inject
    SubjectRefs refs;

    @Inject
    KekRotation rotation;

    @Inject
    org.consentry.crypto.boundary.KeyRotator rotator;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    Db db;
    String subject;

    @BeforeEach
    void setUp() throws Exception {
        db = new Db(dataSource);
        db.createIfMissing("canary_contact", "CREATE TABLE canary_contact (id VARCHAR(36) NOT NULL PRIMARY KEY,"
                + " subject_id VARCHAR(128) NOT NULL, email " + db.bytesType() + ", phone " + db.bytesType() + ")");
        subject = "canary-" + UUID.randomUUID();
    }

    @Test
    void withoutConsentNothingIsStoredAndTheRefusalIsAudited() throws Exception {
        ProblemException refused = assertThrows(ProblemException.class, () -> canary.store(subject, EMAIL, PHONE));
        assertEquals("consent-required", refused.type().slug());
        assertEquals(403, refused.type().status());
        assertEquals("support-handoff", refused.members().get("purpose"));

        assertEquals(0, db.rows("SELECT id FROM canary_contact WHERE subject_id = ?", subject).size());
        assertEquals(0, db.rows("SELECT subject_id FROM subject_key WHERE subject_id = ?", subject).size(),
                "no data key was made for a refused call");
        var audit = db.rows("SELECT action, purpose, outcome FROM audit_event WHERE subject_ref = ?", refs.of(subject));
        assertEquals(List.of(Map.of("action", "consent.check", "purpose", "support-handoff", "outcome", "DENIED")), audit);
    }

    @Test
    @Proves({Duty.GDPR_32, Duty.GDPR_25})
    void personalFieldsReachTheDatabaseOnlyAsCiphertext() throws Exception {
        grant(subject, "support-handoff");
        String id = canary.store(subject, EMAIL, PHONE);

        Map<String, Object> row = db.rows("SELECT email, phone FROM canary_contact WHERE id = ?", id).get(0);
        byte[] email = (byte[]) row.get("email");
        byte[] phone = (byte[]) row.get("phone");
        assertEquals(EMAIL.length() + 33, email.length, "Tink prefix 5 + IV 12 + tag 16 around the value");
        assertEquals(PHONE.length() + 33, phone.length);
        for (String value : db.everyValueOfEveryTable()) {
            for (String secret : new String[] {EMAIL, "jan.kowalski", PHONE, "601 234 567", "601234567",
                    Base64.getEncoder().encodeToString(EMAIL.getBytes(StandardCharsets.UTF_8))}) {
                assertFalse(value.contains(secret), "clear personal data found in the database");
            }
        }

        assertEquals(Map.of("email", EMAIL, "phone", PHONE), canary.read(id));
        assertNoLogHolds(EMAIL, PHONE, "jan.kowalski");
        var opened = db.rows("SELECT action, field, outcome, actor_role FROM audit_event WHERE subject_ref = ?"
                + " AND action = 'canary.read'", refs.of(subject));
        assertEquals(List.of(Map.of("action", "canary.read", "field", "email,phone", "outcome", "ALLOWED",
                "actor_role", "system")), opened);
        var allowed = db.rows("SELECT outcome FROM audit_event WHERE subject_ref = ? AND action = 'consent.check'",
                refs.of(subject));
        assertEquals(List.of(Map.of("outcome", "ALLOWED")), allowed);
    }

    @Test
    void theGuardFindsTheSubjectInADataSubjectArgument() throws Exception {
        assertThrows(ProblemException.class, () -> canary.capture(new CanaryService.Lead(subject, EMAIL)));
        grant(subject, "crm-sync");
        String id = canary.capture(new CanaryService.Lead(subject, EMAIL));
        assertEquals(EMAIL, canary.read(id).get("email"));
    }

    @Test
    @Proves(Duty.GDPR_32)
    void aCiphertextMovedToAnotherRowOrFieldDoesNotOpen() throws Exception {
        grant(subject, "support-handoff");
        String first = canary.store(subject, EMAIL, PHONE);
        String second = canary.store(subject, "other@example.com", "+48 500 000 000");
        byte[] firstEmail = (byte[]) db.rows("SELECT email FROM canary_contact WHERE id = ?", first).get(0).get("email");

        db.update("UPDATE canary_contact SET email = ? WHERE id = ?", firstEmail, second);
        assertThrows(SealBrokenException.class, () -> canary.read(second));
        db.update("UPDATE canary_contact SET phone = ? WHERE id = ?", firstEmail, first);
        assertThrows(SealBrokenException.class, () -> canary.read(first), "the email's ciphertext in the phone column");

        var failed = db.rows("SELECT outcome FROM audit_event WHERE subject_ref = ? AND action = 'canary.read'",
                refs.of(subject));
        assertEquals(2, failed.size());
        assertTrue(failed.stream().allMatch(r -> r.get("outcome").equals("FAILED")), failed::toString);
    }

    @Test
    @Proves(Duty.GDPR_32)
    void aChangedByteFailsClosed() throws Exception {
        grant(subject, "support-handoff");
        String id = canary.store(subject, EMAIL, PHONE);
        byte[] original = (byte[]) db.rows("SELECT email FROM canary_contact WHERE id = ?", id).get(0).get("email");
        for (int position : new int[] {0, 4, 5, 16, 17, original.length / 2, original.length - 1}) {
            byte[] tampered = original.clone();
            tampered[position] ^= 0x01;
            db.update("UPDATE canary_contact SET email = ? WHERE id = ?", tampered, id);
            assertThrows(SealBrokenException.class, () -> canary.read(id), "byte " + position);
        }
        db.update("UPDATE canary_contact SET email = ? WHERE id = ?", original, id);
        assertEquals(EMAIL, canary.read(id).get("email"));
    }

    @Test
    @Proves(Duty.GDPR_32)
    void anUpdateIsSealedAgain() throws Exception {
        grant(subject, "support-handoff");
        String id = canary.store(subject, EMAIL, PHONE);
        byte[] before = (byte[]) db.rows("SELECT email FROM canary_contact WHERE id = ?", id).get(0).get("email");
        canary.changeEmail(id, "jan.nowy@example.com");
        byte[] after = (byte[]) db.rows("SELECT email FROM canary_contact WHERE id = ?", id).get(0).get("email");
        assertFalse(java.util.Arrays.equals(before, after));
        assertFalse(new String(after, StandardCharsets.ISO_8859_1).contains("jan.nowy"));
        assertEquals("jan.nowy@example.com", canary.read(id).get("email"));

        // a clear value set directly on a stored entity is refused, not written
        assertThrows(jakarta.transaction.TransactionalException.class, () -> canary.changeEmailUnsealed(id, "clear@example.com"));
        byte[] unchanged = (byte[]) db.rows("SELECT email FROM canary_contact WHERE id = ?", id).get(0).get("email");
        assertArrayEquals(after, unchanged);
    }

    @Test
    @Proves({Duty.GDPR_32, Duty.GDPR_17})
    void shreddingMakesOnlyThatSubjectUnreadable() throws Exception {
        String other = "canary-" + UUID.randomUUID();
        grant(subject, "support-handoff");
        grant(other, "support-handoff");
        String mine = canary.store(subject, EMAIL, PHONE);
        String theirs = canary.store(other, "anna@example.com", "+48 602 000 111");
        byte[] copy = (byte[]) db.rows("SELECT email FROM canary_contact WHERE id = ?", mine).get(0).get("email");

        assertTrue(inTx(() -> keys.destroy(subject)));

        assertEquals(0, db.rows("SELECT subject_id FROM subject_key WHERE subject_id = ?", subject).size());
        assertThrows(KeyUnavailableException.class, () -> canary.read(mine));
        // a copy of the ciphertext taken before (a backup) cannot be opened by anything anymore
        db.update("UPDATE canary_contact SET email = ? WHERE id = ?", copy, mine);
        assertThrows(KeyUnavailableException.class, () -> canary.read(mine));
        assertEquals("anna@example.com", canary.read(theirs).get("email"));
    }

    @Test
    @Proves(Duty.GDPR_32)
    void rotationKeepsOldRowsReadableAndWrapsNewKeysWithTheNewVersion() throws Exception {
        grant(subject, "support-handoff");
        String before = canary.store(subject, EMAIL, PHONE);
        int oldVersion = kekVersionOf(subject);

        var started = inTx(() -> rotation.start("test"));
        rotator.run(started.id());
        keys.forgetAll();

        assertTrue(started.toVersion() > oldVersion, "the newest KEK version in the keystore, or a new one");
        assertEquals(started.toVersion(), kekVersionOf(subject), "the old data key was re-wrapped");
        assertEquals(0, db.rows("SELECT subject_id FROM subject_key WHERE kek_version < ?", started.toVersion()).size());
        assertEquals(Map.of("email", EMAIL, "phone", PHONE), canary.read(before), "old rows stay readable");
        var done = db.rows("SELECT status, rewrapped FROM key_rotation WHERE id = ?", started.id()).get(0);
        assertEquals("DONE", done.get("status"));

        String newcomer = "canary-" + UUID.randomUUID();
        grant(newcomer, "support-handoff");
        String after = canary.store(newcomer, "nowy@example.com", PHONE);
        assertEquals(started.toVersion(), kekVersionOf(newcomer), "new data keys use the new version");
        assertEquals("nowy@example.com", canary.read(after).get("email"));
    }

    /** The server's logs (messages, trace, FFDC) hold none of the values. */
    private static void assertNoLogHolds(String... values) throws Exception {
        java.nio.file.Path logs = java.nio.file.Path.of(System.getenv("WLP_OUTPUT_DIR"),
                System.getProperty("wlp.server.name", "consentryIT"), "logs");
        assertTrue(java.nio.file.Files.isDirectory(logs), logs::toString);
        try (var files = java.nio.file.Files.walk(logs)) {
            for (var file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text = java.nio.file.Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String value : values) {
                    assertFalse(text.contains(value), "personal data in " + file.getFileName());
                }
            }
        }
    }

    private int kekVersionOf(String subjectId) throws Exception {
        return ((Number) db.rows("SELECT kek_version FROM subject_key WHERE subject_id = ?", subjectId).get(0)
                .get("kek_version")).intValue();
    }

    private void grant(String subjectId, String purpose) throws Exception {
        inTx(() -> ledger.grant(subjectId, purposes.get(purpose), new ConsentLedger.Grant("2026-11", "test", "canary"), "test"));
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
}
