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

    private DataKeys() {
    }

    public static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM key generation failed", e);
        }
    }

    public static byte[] wrap(KeysetHandle dataKey, Aead kek, String subjectId) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, kek, wrapContext(subjectId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key wrap failed", e);
        }
    }

    public static KeysetHandle unwrap(byte[] wrapped, Aead kek, String subjectId) {
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

    private static byte[] wrapContext(String subjectId) {
        return ("consentry/dek/v1|" + subjectId).getBytes(StandardCharsets.UTF_8);
    }
}
