package org.consentry.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.security.SecureRandom;
import org.consentry.crypto.entity.FieldAddress;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

/** Data keys wrapped under a KEK, bound to their subject. */
@Proves(Duty.GDPR_32)
class DataKeysTest {

    static Aead kek() throws Exception {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return new AesGcmJce(raw);
    }

    @Test
    void aWrappedKeyUnwrapsToTheSameKey() throws Exception {
        Aead kek = kek();
        var dataKey = DataKeys.generate();
        byte[] wrapped = DataKeys.wrap(dataKey, kek, "cust-1");
        var address = new FieldAddress("t", "c", "r");
        byte[] sealed = FieldCipher.seal(DataKeys.aead(dataKey), address, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, FieldCipher.open(DataKeys.aead(DataKeys.unwrap(wrapped, kek, "cust-1")), address, sealed));
    }

    @Test
    void aWrappedKeyCopiedToAnotherSubjectOrUnderAnotherKekFails() throws Exception {
        Aead kek = kek();
        byte[] wrapped = DataKeys.wrap(DataKeys.generate(), kek, "cust-1");
        assertThrows(KeyUnavailableException.class, () -> DataKeys.unwrap(wrapped, kek, "cust-2"));
        assertThrows(KeyUnavailableException.class, () -> DataKeys.unwrap(wrapped, kek(), "cust-1"));
        byte[] tampered = wrapped.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThrows(KeyUnavailableException.class, () -> DataKeys.unwrap(tampered, kek, "cust-1"));
    }
}
