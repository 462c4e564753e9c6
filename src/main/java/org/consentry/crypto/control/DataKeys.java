package org.consentry.crypto.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Data keys: one Tink keyset (AES-256-GCM) per subject, serialised only encrypted under a KEK. The
 * wrap's associated data names the subject, so a wrapped key copied to another subject's row fails.
 */
public final class DataKeys {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Data keys wrapped and unwrapped by this server since it started (read by /metrics). */
    private static final java.util.concurrent.atomic.LongAdder WRAPS = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder UNWRAPS = new java.util.concurrent.atomic.LongAdder();

    private DataKeys() {
    }

    public static long wraps() {
        return WRAPS.sum();
    }

    public static long unwraps() {
        return UNWRAPS.sum();
    }

    public static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM key generation failed", e);
        }
    }

    public static byte[] wrap(KeysetHandle dataKey, Aead kek, String subjectId) {
        WRAPS.increment();
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, kek, wrapContext(subjectId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key wrap failed", e);
        }
    }

    public static KeysetHandle unwrap(byte[] wrapped, Aead kek, String subjectId) {
        UNWRAPS.increment();
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek, wrapContext(subjectId));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("the data key does not unwrap under its KEK version (tampered or moved)");
        }
    }

    public static Aead aead(KeysetHandle dataKey) {
        try {
            return dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key is not an AEAD key", e);
        }
    }

    /**
     * A key of 32 bytes derived from the data key for one use outside Consentry (a host application's
     * sealed fields): HKDF-SHA256 (RFC 5869, Tink's implementation) of the keyset's primary AES key, with
     * the use named in {@code info}. Destroying the data key makes it underivable (crypto-shredding reaches
     * whatever was sealed with it); the derived key opens nothing of Consentry's own.
     */
    public static byte[] derive(KeysetHandle dataKey, String info) {
        byte[] raw = null;
        try {
            raw = ((com.google.crypto.tink.aead.AesGcmKey) dataKey.getPrimary().getKey()).getKeyBytes()
                    .toByteArray(com.google.crypto.tink.InsecureSecretKeyAccess.get());
            return com.google.crypto.tink.subtle.Hkdf.computeHkdf("HMACSHA256", raw, new byte[0],
                    ("consentry/derived/v1|" + info).getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("deriving a key from the data key failed", e);
        } finally {
            if (raw != null) {
                java.util.Arrays.fill(raw, (byte) 0);
            }
        }
    }

    private static byte[] wrapContext(String subjectId) {
        return ("consentry/dek/v1|" + subjectId).getBytes(StandardCharsets.UTF_8);
    }
}
