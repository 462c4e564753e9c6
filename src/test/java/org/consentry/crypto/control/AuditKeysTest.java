package org.consentry.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which key makes what (review finding 8): chain keys rotate, every version stays readable; the pseudonym
 * key does not move, and in a keystore made before it existed it is the audit key that made the references.
 */
@Proves(Duty.GDPR_32)
class AuditKeysTest {

    private static final char[] PASSWORD = "s3cret".toCharArray();

    @TempDir
    Path folder;

    @Test
    void aKeystoreFromBeforeRotationKeepsItsReferencesThroughAnAddedAuditKey() throws Exception {
        Path path = folder.resolve("legacy.p12");
        put(path, "consentry-kek-1", "AES");
        byte[] audit1 = put(path, "consentry-audit-1", "HmacSHA256");
        KeyRing ring = load(path);
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(audit1, "consentry/subject-ref/v1|s-1"));
        assertEquals(expected, ring.audit().pseudonym("consentry/subject-ref/v1", "s-1"),
                "the same value the audit key made before the pseudonym key existed");
        assertEquals(1, ring.audit().newestVersion());

        put(path, "consentry-audit-2", "HmacSHA256");
        assertEquals(2, ring.audit().newestVersion(), "an added key is read without a restart");
        assertArrayEquals(audit1, ring.audit().chainKey(1).getEncoded(), "the old key still verifies old links");
        assertEquals(expected, ring.audit().pseudonym("consentry/subject-ref/v1", "s-1"));

        KeyRing restarted = load(path);
        assertEquals(2, restarted.audit().newestVersion());
        assertEquals(expected, restarted.audit().pseudonym("consentry/subject-ref/v1", "s-1"), "and after a restart");
        var missing = assertThrows(KeyUnavailableException.class, () -> restarted.audit().chainKey(3));
        assertTrue(missing.getMessage().contains("version 3"), missing.getMessage());
    }

    @Test
    void aNewKeystoreHasAPseudonymKeyOfItsOwn() throws Exception {
        Path path = folder.resolve("new.p12");
        new KeystoreFile(path, PASSWORD, "consentry").create();
        KeyRing ring = load(path);
        byte[] audit1 = ring.audit().chainKey(1).getEncoded();
        assertNotEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(audit1, "c|x")),
                ring.audit().pseudonym("c", "x"), "pseudonyms do not come from the chain key");
        assertEquals(ring.audit().pseudonym("c", "x"), load(path).audit().pseudonym("c", "x"));
        assertNotEquals(ring.audit().pseudonym("c", "x"), ring.audit().pseudonym("d", "x"), "contexts never share a value");
    }

    @Test
    void aSecondPseudonymKeyIsRefusedAtStart() throws Exception {
        Path path = folder.resolve("two.p12");
        new KeystoreFile(path, PASSWORD, "consentry").create();
        put(path, "consentry-pseudonym-2", "HmacSHA256");
        var refused = assertThrows(IllegalStateException.class, () -> load(path));
        assertTrue(refused.getMessage().contains("never rotates"), refused.getMessage());
    }

    @Test
    void withoutAnAuditKeyTheServerRefusesToStart() throws Exception {
        Path path = folder.resolve("kek-only.p12");
        put(path, "consentry-kek-1", "AES");
        var refused = assertThrows(IllegalStateException.class, () -> load(path));
        assertTrue(refused.getMessage().contains("consentry-audit-<n>"), refused.getMessage());
    }

    private static KeyRing load(Path path) {
        KeyRing ring = KeyRingTest.ring(Optional.of(path.toString()), Optional.of("s3cret"), false);
        ring.load();
        return ring;
    }

    /** What an operator's keytool -genseckey does: one more 256-bit key under an alias. */
    private static byte[] put(Path path, String alias, String algorithm) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (Files.exists(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, PASSWORD);
            }
        } else {
            store.load(null, PASSWORD);
        }
        KeyGenerator generator = KeyGenerator.getInstance(algorithm);
        generator.init(256);
        var key = generator.generateKey();
        store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(PASSWORD));
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, PASSWORD);
        }
        // a keystore as the guide makes it: readable by the server's user only (security finding 3)
        Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return key.getEncoded();
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
