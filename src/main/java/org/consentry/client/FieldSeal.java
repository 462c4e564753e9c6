package org.consentry.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * One host field's value sealed with AES-256-GCM (the JDK's provider: the jar brings no crypto library to
 * clash with the host's): {@code csy1.} followed by base64url of a random 96-bit nonce, the ciphertext and
 * the 128-bit tag. The associated data is the field's address, so a value copied to another row, column or
 * table does not open.
 */
final class FieldSeal {

    static final String PREFIX = "csy1.";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private FieldSeal() {
    }

    static boolean isSealed(String value) {
        return value.startsWith(PREFIX);
    }

    static Cipher cipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    static String seal(SecretKey key, byte[] address, String value) {
        return seal(cipher(), key, address, value);
    }

    /** Seals with a cipher of the caller's (initialised afresh here, with a new nonce). */
    static String seal(Cipher cipher, SecretKey key, byte[] address, String value) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(address);
            byte[] plain = value.getBytes(StandardCharsets.UTF_8);
            byte[] sealed = new byte[NONCE + plain.length + TAG_BITS / 8];
            System.arraycopy(nonce, 0, sealed, 0, NONCE);
            cipher.doFinal(plain, 0, plain.length, sealed, NONCE);
            return PREFIX + ENCODER.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /** The clear value; an IllegalStateException when the value was altered, moved, or sealed under another key. */
    static String open(SecretKey key, byte[] address, String sealed) {
        return open(cipher(), key, address, sealed);
    }

    static String open(Cipher cipher, SecretKey key, byte[] address, String sealed) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            if (raw.length < NONCE + TAG_BITS / 8) {
                throw new IllegalArgumentException("too short");
            }
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE));
            cipher.updateAAD(address);
            return new String(cipher.doFinal(raw, NONCE, raw.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value does not open: it was altered, moved from another field or row,"
                    + " or sealed under another key");
        }
    }
}
