package org.consentry.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the KEKs come from: a configured keystore, a dev keystore only when allowed, never nothing. */
@Proves(Duty.GDPR_32)
class KeyRingTest {

    @TempDir
    Path folder;

    static KeyRing ring(Optional<String> path, Optional<String> password, boolean devGenerate) {
        KeyRing ring = new KeyRing();
        ring.keystorePath = path;
        ring.keystorePassword = password;
        ring.keystorePasswordFile = Optional.empty();
        ring.aliasPrefix = "consentry";
        ring.devGenerate = devGenerate;
        ring.generateOnRotation = false;
        ring.retirements = new KekRetirements() {
            @Override
            public boolean isRetired(int version) {
                return version == RETIRED;
            }
        };
        return ring;
    }

    static final int RETIRED = 7;

    @Test
    void withoutAKeystoreTheServerRefusesToStart() {
        var error = assertThrows(IllegalStateException.class, () -> ring(Optional.empty(), Optional.empty(), false).load());
        assertTrue(error.getMessage().contains("consentry.kek.keystore"), error.getMessage());
        var noPassword = assertThrows(IllegalStateException.class,
                () -> ring(Optional.of(folder.resolve("k.p12").toString()), Optional.empty(), false).load());
        assertTrue(noPassword.getMessage().contains("consentry.kek.password"), noPassword.getMessage());
        assertThrows(IllegalStateException.class,
                () -> ring(Optional.of(folder.resolve("absent.p12").toString()), Optional.of("pw"), false).load());
    }

    @Test
    void aDevKeystoreIsGeneratedOnceAndReadAgain() throws Exception {
        String path = folder.resolve("dev/consentry-dev-kek.p12").toString();
        KeyRing first = ring(Optional.of(path), Optional.empty(), true);
        first.load();
        assertTrue(first.usesDevelopmentKeys());
        assertEquals(Set.of(1), first.versions());
        assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(Path.of(path + ".password")));

        KeyRing again = ring(Optional.of(path), Optional.empty(), true);
        again.load();
        byte[] sealed = FieldCipher.seal(first.kek(1), new org.consentry.crypto.entity.FieldAddress("t", "c", "r"), new byte[] {7});
        assertEquals(7, FieldCipher.open(again.kek(1), new org.consentry.crypto.entity.FieldAddress("t", "c", "r"), sealed)[0],
                "the same KEK after a restart");
    }

    @Test
    void aConfiguredKeystoreIsReadWithItsPasswordAndNewVersionsArePickedUp() throws Exception {
        Path path = folder.resolve("kek.p12");
        new KeystoreFile(path, "s3cret".toCharArray(), "consentry").create();
        KeyRing ring = ring(Optional.of(path.toString()), Optional.of("s3cret"), false);
        ring.load();
        assertFalse(ring.usesDevelopmentKeys());
        assertThrows(KeyUnavailableException.class, () -> ring.versionAfter(1), "production never invents a KEK");

        new KeystoreFile(path, "s3cret".toCharArray(), "consentry").addKek(2);
        assertEquals(2, ring.versionAfter(1), "an operator added version 2 to the keystore");
        ring.kek(2);
        assertThrows(KeyUnavailableException.class, () -> ring.kek(9));
    }

    @Test
    void aRetiredVersionIsRefusedEvenWhenTheKeystoreStillHoldsIt() throws Exception {
        Path path = folder.resolve("kek.p12");
        new KeystoreFile(path, "s3cret".toCharArray(), "consentry").create();
        new KeystoreFile(path, "s3cret".toCharArray(), "consentry").addKek(RETIRED);
        KeyRing ring = ring(Optional.of(path.toString()), Optional.of("s3cret"), false);
        ring.load();
        assertTrue(ring.versions().contains(RETIRED));
        var refused = assertThrows(KeyUnavailableException.class, () -> ring.kek(RETIRED));
        assertEquals("KEK version " + RETIRED + " is retired", refused.getMessage());
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Path path = folder.resolve("kek.p12");
        new KeystoreFile(path, "s3cret".toCharArray(), "consentry").create();
        assertThrows(IllegalStateException.class, () -> ring(Optional.of(path.toString()), Optional.of("guess"), false).load());
    }

    /** Finding 3: a keystore other users can read is refused at start, and its password file too. */
    @Test
    void kekCustody_aKeystoreOrPasswordFileOthersCanReadIsRefused() throws Exception {
        Path path = folder.resolve("kek.p12");
        new KeystoreFile(path, "s3cret".toCharArray(), "consentry").create();
        Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        var refused = assertThrows(IllegalStateException.class, () -> ring(Optional.of(path.toString()), Optional.of("s3cret"), false).load());
        assertTrue(refused.getMessage().contains(path + " (consentry.kek.keystore) is open to other users (rw-r--r--)"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cret"));
        Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        ring(Optional.of(path.toString()), Optional.of("s3cret"), false).load(); // the server's group may read it

        Path passwordFile = Files.writeString(folder.resolve("elsewhere-kek-password"), "s3cret\n");
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        KeyRing fromFile = ring(Optional.of(path.toString()), Optional.empty(), false);
        fromFile.keystorePasswordFile = Optional.of(passwordFile.toString());
        var openFile = assertThrows(IllegalStateException.class, fromFile::load);
        assertTrue(openFile.getMessage().contains("(consentry.kek.password-file) is open to other users"), openFile.getMessage());
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
        fromFile.load();
        assertEquals(Set.of(1), fromFile.versions(), "the password read from the file kept apart from the keystore");
    }
}
