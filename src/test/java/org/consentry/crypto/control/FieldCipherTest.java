package org.consentry.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import org.consentry.crypto.entity.FieldAddress;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

/** Sealing under a data key, bound to table, column and row: round trip and every way it must fail. */
@Proves(Duty.GDPR_32)
class FieldCipherTest {

    static final byte[] VALUE = "anna.nowak@example.com".getBytes(StandardCharsets.UTF_8);
    static final FieldAddress HERE = new FieldAddress("escalation", "customer_email", "5f0c1f1e-0000-4000-8000-000000000001");

    final Aead key = DataKeys.aead(DataKeys.generate());

    @Test
    void aSealedValueOpensAtItsAddress() {
        byte[] sealed = FieldCipher.seal(key, HERE, VALUE);
        assertArrayEquals(VALUE, FieldCipher.open(key, HERE, sealed));
        assertEquals(VALUE.length + 33, sealed.length);
        assertNotEquals(new String(sealed, StandardCharsets.ISO_8859_1), new String(VALUE, StandardCharsets.ISO_8859_1));
        assertFalse(java.util.Arrays.equals(sealed, FieldCipher.seal(key, HERE, VALUE)), "a fresh nonce every time");
    }

    @Test
    void changingAnyByteOfPrefixNonceCiphertextOrTagFails() {
        byte[] sealed = FieldCipher.seal(key, HERE, VALUE);
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertThrows(SealBrokenException.class, () -> FieldCipher.open(key, HERE, tampered),
                        "byte " + i + " bit " + bit);
            }
        }
        assertThrows(SealBrokenException.class, () -> FieldCipher.open(key, HERE, java.util.Arrays.copyOf(sealed, sealed.length - 1)));
        assertThrows(SealBrokenException.class, () -> FieldCipher.open(key, HERE, new byte[0]));
    }

    @Test
    void anotherRowColumnOrTableFails() {
        byte[] sealed = FieldCipher.seal(key, HERE, VALUE);
        for (FieldAddress elsewhere : new FieldAddress[] {
                new FieldAddress("escalation", "customer_email", "5f0c1f1e-0000-4000-8000-000000000002"),
                new FieldAddress("escalation", "customer_phone", HERE.rowId()),
                new FieldAddress("lead", "customer_email", HERE.rowId())}) {
            assertThrows(SealBrokenException.class, () -> FieldCipher.open(key, elsewhere, sealed), elsewhere::toString);
        }
    }

    @Test
    void anotherSubjectsKeyFails() {
        byte[] sealed = FieldCipher.seal(key, HERE, VALUE);
        Aead other = DataKeys.aead(DataKeys.generate());
        assertThrows(SealBrokenException.class, () -> FieldCipher.open(other, HERE, sealed));
    }

    @Test
    void theMessageOfAFailureNamesTheFieldNotTheValue() {
        byte[] sealed = FieldCipher.seal(key, HERE, VALUE);
        sealed[sealed.length - 1] ^= 1;
        var failure = assertThrows(SealBrokenException.class, () -> FieldCipher.open(key, HERE, sealed));
        assertEquals(true, failure.getMessage().contains("escalation.customer_email"));
        assertEquals(false, failure.getMessage().contains("anna"));
    }
}
