package org.consentry.crypto.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The default custody: KEK versions in a PKCS#12 keystore file ({@link KeystoreFile}), read into memory and
 * used through Tink's AES-GCM. A retired version stays in the file: removing it there, and from the
 * file's backups, is the operator's step (operator guide, "Keys").
 */
final class KeystoreCustody implements KeyCustody {

    private static final AesGcmParameters KEK_PARAMETERS;

    static {
        try {
            KEK_PARAMETERS = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeystoreFile keystore;
    private final String aliasPrefix;
    private final boolean development;
    private final boolean generateOnRotation;

    KeystoreCustody(KekKeystore.Opened opened, String aliasPrefix, boolean generateOnRotation) {
        this.keystore = opened.file();
        this.development = opened.development();
        this.aliasPrefix = aliasPrefix;
        this.generateOnRotation = generateOnRotation;
    }

    @Override
    public String name() {
        return "keystore";
    }

    @Override
    public void open() {
        // opened by KekKeystore already
    }

    @Override
    public NavigableMap<Integer, Aead> keks() throws IOException, GeneralSecurityException {
        NavigableMap<Integer, Aead> found = new TreeMap<>();
        for (var entry : keystore.keks().entrySet()) {
            found.put(entry.getKey(), aead(entry.getValue()));
        }
        return found;
    }

    @Override
    public Optional<Aead> reread(int version) throws IOException, GeneralSecurityException {
        return Optional.ofNullable(keystore.keks().get(version)).map(KeystoreCustody::aead);
    }

    @Override
    public boolean createsVersions() {
        return generateOnRotation || development;
    }

    @Override
    public Aead create(int version) throws IOException, GeneralSecurityException {
        return aead(keystore.addKek(version));
    }

    @Override
    public boolean destroy(int version) {
        return false;
    }

    @Override
    public AuditKeys audit() throws IOException, GeneralSecurityException {
        return new AuditKeys(new AuditKeys.Source() {
            @Override
            public NavigableMap<Integer, java.security.Key> chainKeys() throws IOException, GeneralSecurityException {
                return hmacKeys(keystore.auditKeys());
            }

            @Override
            public NavigableMap<Integer, java.security.Key> pseudonymKeys() throws IOException, GeneralSecurityException {
                return hmacKeys(keystore.pseudonymKeys());
            }

            @Override
            public String state() throws IOException {
                return keystore.state();
            }

            @Override
            public String where() {
                return "The keystore " + keystore.path();
            }
        }, aliasPrefix);
    }

    @Override
    public String where() {
        return "the keystore " + keystore.path();
    }

    @Override
    public boolean development() {
        return development;
    }

    private static NavigableMap<Integer, java.security.Key> hmacKeys(NavigableMap<Integer, byte[]> raw) {
        NavigableMap<Integer, java.security.Key> keys = new TreeMap<>();
        raw.forEach((version, bytes) -> keys.put(version, new javax.crypto.spec.SecretKeySpec(bytes, "HmacSHA256")));
        return keys;
    }

    static Aead aead(byte[] raw) {
        try {
            return AesGcmJce.create(AesGcmKey.builder().setParameters(KEK_PARAMETERS)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get())).build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("KEK is not a valid AES-256 key", e);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }
}
