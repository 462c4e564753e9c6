package org.consentry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** A host field's value sealed by the client jar: AES-256-GCM bound to its address, and nothing opens it elsewhere. */
class FieldSealTest {

    static SecretKey key() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return new SecretKeySpec(raw, "AES");
    }

    static final byte[] ROW_1 = "consentry/host/v1|ticket|name|1".getBytes(StandardCharsets.UTF_8);
    static final byte[] ROW_2 = "consentry/host/v1|ticket|name|2".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedValueOpensAtItsAddressUnderItsKeyAndIsStandardAesGcm() throws Exception {
        SecretKey key = key();
        String sealed = FieldSeal.seal(key, ROW_1, "Anna Kowalska, ul. Długa 5");
        assertTrue(sealed.startsWith("csy1."));
        assertFalse(sealed.contains("Anna"));
        assertEquals("Anna Kowalska, ul. Długa 5", FieldSeal.open(key, ROW_1, sealed));
        assertNotEquals(sealed, FieldSeal.seal(key, ROW_1, "Anna Kowalska, ul. Długa 5"), "a fresh nonce every time");

        // what any AES-GCM implementation reads: nonce (12) || ciphertext || tag (16), the address as AAD
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(5));
        Cipher jce = Cipher.getInstance("AES/GCM/NoPadding");
        jce.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, 12));
        jce.updateAAD(ROW_1);
        assertEquals("Anna Kowalska, ul. Długa 5", new String(jce.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8));
    }

    @Test
    void anotherRowAnotherKeyOrOneChangedCharacterDoesNotOpen() {
        SecretKey key = key();
        String sealed = FieldSeal.seal(key, ROW_1, "anna@example.com");
        assertThrows(IllegalStateException.class, () -> FieldSeal.open(key, ROW_2, sealed));
        assertThrows(IllegalStateException.class, () -> FieldSeal.open(key(), ROW_1, sealed));
        char[] bytes = sealed.toCharArray();
        bytes[10] = bytes[10] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> FieldSeal.open(key, ROW_1, new String(bytes)));
        assertThrows(IllegalStateException.class, () -> FieldSeal.open(key, ROW_1, "csy1.AAAA"), "too short");
        assertThrows(IllegalStateException.class, () -> FieldSeal.open(key, ROW_1, "csy1.!!not base64!!"));
    }

    @Test
    void theConverterWritesOnlySealedText() {
        SealedText converter = new SealedText();
        String sealed = FieldSeal.seal(key(), ROW_1, "x");
        assertEquals(sealed, converter.convertToDatabaseColumn(sealed));
        assertEquals(null, converter.convertToDatabaseColumn(null));
        // an Error, so that EclipseLink does not wrap it in a message that quotes the value
        AssertionError clear = assertThrows(AssertionError.class, () -> converter.convertToDatabaseColumn("Anna Kowalska"));
        assertFalse(clear.getMessage().contains("Anna"), "the refusal never repeats the value");
    }
}
