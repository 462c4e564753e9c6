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

    @Test
    void aDerivedKeyIsTheSameAfterARewrapAndDiffersByUseAndByDataKey() throws Exception {
        Aead kek = kek();
        var dataKey = DataKeys.generate();
        byte[] derived = DataKeys.derive(dataKey, "host-fields|cust-1");
        org.junit.jupiter.api.Assertions.assertEquals(32, derived.length);
        var rewrapped = DataKeys.unwrap(DataKeys.wrap(dataKey, kek, "cust-1"), kek, "cust-1");
        assertArrayEquals(derived, DataKeys.derive(rewrapped, "host-fields|cust-1"), "a KEK rotation keeps the host's key");
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(derived, DataKeys.derive(dataKey, "host-fields|cust-2")));
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(derived, DataKeys.derive(DataKeys.generate(), "host-fields|cust-1")),
                "another data key (the subject's after an erasure) derives another key");
        byte[] raw = ((com.google.crypto.tink.aead.AesGcmKey) dataKey.getPrimary().getKey()).getKeyBytes()
                .toByteArray(com.google.crypto.tink.InsecureSecretKeyAccess.get());
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(raw, derived), "the data key itself never leaves");
    }
}
