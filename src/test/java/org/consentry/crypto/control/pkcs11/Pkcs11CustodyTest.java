package org.consentry.crypto.control.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.consentry.crypto.control.DataKeys;
import org.consentry.crypto.control.KeyUnavailableException;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The PKCS#11 custody on SoftHSM2 (the build's token, scripts/ci/softhsm-token.sh): a data key wrapped and
 * unwrapped by the token, a version generated there and the old one destroyed, the versions found again by a
 * custody opened anew (a restart), the audit keys' HMACs computed there; every key object sensitive and never
 * extractable as pkcs11-tool reads it; and a wrong PIN, an absent slot or library refused with a message that
 * says which, without the PIN. Each test uses its own label prefix, so the token's other users are untouched.
 */
@EnabledIf(value = "org.consentry.testing.Prerequisites#softHsm", disabledReason = "SoftHSM2 is not installed (apt-get install softhsm2 opensc); under CI=true this test runs")
@Proves(Duty.GDPR_32)
class Pkcs11CustodyTest {

    static final SoftHsm HSM = new SoftHsm();

    final String prefix = "unit-" + UUID.randomUUID().toString().substring(0, 8);
    Pkcs11Custody opened;

    Pkcs11Custody custody(String slot, String pinFile) {
        Pkcs11Custody custody = new Pkcs11Custody();
        custody.library = Optional.of(HSM.get("library"));
        custody.slot = Optional.of(Long.parseLong(slot));
        custody.pin = Optional.empty();
        custody.pinFile = Optional.of(pinFile);
        custody.prefix = prefix;
        custody.generateInitial = true;
        return custody;
    }

    Pkcs11Custody open() {
        Pkcs11Custody custody = custody(HSM.get("slot"), HSM.get("pin-file"));
        custody.open();
        opened = custody;
        return custody;
    }

    @AfterEach
    void destroyTheTestKeys() throws Exception {
        if (opened != null) {
            for (int version : opened.keks().keySet()) {
                opened.destroy(version);
            }
            Token token = opened.token();
            token.destroy(prefix + "-audit-1");
            token.destroy(prefix + "-pseudonym-1");
        }
    }

    @Test
    void wrapsRotatesDestroysAndFindsItsVersionsAgainAllInTheToken() throws Exception {
        Pkcs11Custody custody = open();
        assertEquals(Set.of(1), custody.keks().keySet(), "the first KEK generated in the empty token");
        var dataKey = DataKeys.generate();
        byte[] wrapped = DataKeys.wrap(dataKey, custody.keks().get(1), "s-1");
        byte[] sealed = DataKeys.aead(dataKey).encrypt("Jan Kowalski".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThrows(KeyUnavailableException.class, () -> DataKeys.unwrap(wrapped, custody.keks().get(1), "s-2"),
                "the wrap names its subject");

        Aead second = custody.create(2);
        byte[] rewrapped = DataKeys.wrap(DataKeys.unwrap(wrapped, custody.keks().get(1), "s-1"), second, "s-1");
        assertTrue(custody.destroy(1), "the retired version destroyed in the token");
        assertEquals(Set.of(2), custody.keks().keySet());
        assertThrows(KeyUnavailableException.class, () -> DataKeys.unwrap(wrapped, custody.keks().get(2), "s-1"));

        Pkcs11Custody restarted = custody(HSM.get("slot"), HSM.get("pin-file"));
        restarted.open();
        assertEquals(Set.of(2), restarted.keks().keySet(), "a restart finds the versions by their labels");
        var reopened = DataKeys.unwrap(rewrapped, restarted.keks().get(2), "s-1");
        assertEquals("Jan Kowalski", new String(DataKeys.aead(reopened).decrypt(sealed, new byte[0]), StandardCharsets.UTF_8));
        assertTrue(restarted.reread(2).isPresent());
        assertFalse(restarted.reread(1).isPresent());
    }

    @Test
    void theAuditKeysAreHmacKeysOfTheTokenAndStayTheSameThroughARestart() throws Exception {
        var audit = open().audit();
        String reference = audit.pseudonym("consentry/subject-ref/v1", "s-1");
        assertEquals(43, reference.length(), "HMAC-SHA256, base64url");
        assertNull(audit.chainKey(1).getEncoded(), "the chain key is a handle, its value stays in the token");
        byte[] link = audit.chainMac(1).doFinal("event".getBytes(StandardCharsets.UTF_8));

        Pkcs11Custody restarted = custody(HSM.get("slot"), HSM.get("pin-file"));
        restarted.open();
        assertEquals(reference, restarted.audit().pseudonym("consentry/subject-ref/v1", "s-1"));
        assertArrayEquals(link, restarted.audit().chainMac(1).doFinal("event".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyKeyObjectIsSensitiveAndNeverExtractable() throws Exception {
        open().create(2);
        String listing = HSM.listSecretKeys(HSM.get("slot"));
        for (String label : new String[] {prefix + "-kek-1", prefix + "-kek-2", prefix + "-audit-1", prefix + "-pseudonym-1"}) {
            String object = SoftHsm.object(listing, label);
            assertTrue(object.contains("Access:") && object.contains("sensitive, always sensitive, never extractable"),
                    () -> label + " as pkcs11-tool lists it:\n" + object + "\nin\n" + listing);
        }
    }

    @Test
    void aWrongPinAnAbsentSlotOrLibraryFailClosedAndNameTheCause() throws Exception {
        String wrong = Files.readString(Path.of(HSM.get("wrong-pin-file"))).strip();
        var login = assertThrows(IllegalStateException.class,
                () -> custody(HSM.get("other-slot"), HSM.get("wrong-pin-file")).open());
        assertTrue(login.getMessage().contains("CKR_PIN_INCORRECT"), login.getMessage());
        assertFalse(login.getMessage().contains(wrong), "no PIN in the message");

        var slot = assertThrows(IllegalStateException.class, () -> custody("4242", HSM.get("pin-file")).open());
        assertTrue(slot.getMessage().startsWith("Cannot open the PKCS#11 token in slot 4242"), slot.getMessage());

        Pkcs11Custody noLibrary = custody(HSM.get("slot"), HSM.get("pin-file"));
        noLibrary.library = Optional.of("/nonexistent/libpkcs11.so");
        var library = assertThrows(IllegalStateException.class, noLibrary::open);
        assertTrue(library.getMessage().contains("does not exist"), library.getMessage());
    }
}
