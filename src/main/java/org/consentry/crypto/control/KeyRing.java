package org.consentry.crypto.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key-encryption keys (KEK versions), read from the keystore named in configuration; never from
 * code. The audit trail's keys come from the same keystore ({@link AuditKeys}). Without a configured
 * keystore the server refuses to start, unless {@code consentry.kek.dev-generate} is on (the development
 * server only): then a dev keystore is generated in the server's output folder, with a loud warning at
 * every start ({@link KekKeystore}).
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
    private static final AesGcmParameters KEK_PARAMETERS;

    static {
        try {
            KEK_PARAMETERS = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Inject
    @ConfigProperty(name = "consentry.kek.keystore")
    Optional<String> keystorePath;

    @Inject
    @ConfigProperty(name = "consentry.kek.password")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = "consentry.kek.password-file")
    Optional<String> keystorePasswordFile;

    @Inject
    @ConfigProperty(name = "consentry.kek.alias-prefix", defaultValue = "consentry")
    String aliasPrefix;

    @Inject
    @ConfigProperty(name = "consentry.kek.dev-generate", defaultValue = "false")
    boolean devGenerate;

    @Inject
    @ConfigProperty(name = "consentry.kek.generate-on-rotation", defaultValue = "false")
    boolean generateOnRotation;

    @Inject
    KekRetirements retirements;

    private KeystoreFile keystore;
    private final Map<Integer, Aead> keks = new ConcurrentHashMap<>();
    private AuditKeys audit;
    private boolean devKeys;

    /** Reads the keys when the application starts: without them it must not start at all. */
    void start(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object started) {
        versions();
    }

    @PostConstruct
    void load() {
        try {
            KekKeystore.Opened opened = KekKeystore.open(keystorePath, keystorePassword, keystorePasswordFile,
                    aliasPrefix, devGenerate);
            keystore = opened.file();
            devKeys = opened.development();
            reload();
            if (keks.isEmpty()) {
                throw new IllegalStateException("The keystore " + keystore.path() + " holds no '" + aliasPrefix
                        + "-kek-<n>' AES-256 key");
            }
            audit = new AuditKeys(keystore, aliasPrefix);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The key-encryption keystore cannot be read: " + e.getClass().getSimpleName(), e);
        }
        if (devKeys) {
            LOG.warning("""

                    ************************************************************************************
                    *  CONSENTRY IS USING A DEVELOPMENT KEY-ENCRYPTION KEY generated on this machine:  *
                    *  it protects nothing in production. Configure consentry.kek.keystore and         *
                    *  consentry.kek.password (a keystore kept outside the server) before real data.   *
                    ************************************************************************************""");
        }
    }

    /** Reads the keystore again: an operator may have added a KEK version. */
    public synchronized void reload() throws IOException, GeneralSecurityException {
        for (var entry : keystore.keks().entrySet()) {
            keks.computeIfAbsent(entry.getKey(), v -> aead(entry.getValue()));
        }
    }

    /** The KEK of a version, reloading the keystore once if another server added it; never a retired one. */
    public Aead kek(int version) {
        if (retirements.isRetired(version)) {
            throw new KeyUnavailableException("KEK version " + version + " is retired");
        }
        Aead kek = keks.get(version);
        if (kek == null) {
            try {
                reload();
            } catch (IOException | GeneralSecurityException e) {
                throw new KeyUnavailableException("KEK version " + version + ": keystore unreadable");
            }
            kek = keks.get(version);
        }
        if (kek == null) {
            throw new KeyUnavailableException("KEK version " + version + " is not in the keystore of this server");
        }
        return kek;
    }

    /** The KEK versions the keystore file holds now, read again with the password of the start (readiness). */
    java.util.NavigableMap<Integer, byte[]> keksOnDisk() throws IOException, GeneralSecurityException {
        return keystore.keks();
    }

    public SortedSet<Integer> versions() {
        return new TreeSet<>(keks.keySet());
    }

    public int newestVersion() {
        return versions().last();
    }

    /**
     * A new KEK version for a rotation: the newest in the keystore if it is newer than {@code primary};
     * otherwise one generated into the keystore, where that is allowed (development).
     */
    public synchronized int versionAfter(int primary) {
        try {
            reload();
            if (newestVersion() > primary) {
                return newestVersion();
            }
            if (!generateOnRotation && !devKeys) {
                throw new KeyUnavailableException("No KEK version newer than " + primary + " in the keystore: add '"
                        + aliasPrefix + "-kek-" + (primary + 1) + "' (keytool -genseckey -keyalg AES -keysize 256 "
                        + "-storetype PKCS12) to every server's keystore, then rotate");
            }
            int next = primary + 1;
            keks.put(next, aead(keystore.addKek(next)));
            LOG.info(() -> "Generated KEK version " + next + " into " + keystore.path());
            return next;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyUnavailableException("The keystore cannot be updated: " + e.getClass().getSimpleName());
        }
    }

    /** The audit chain's keys and the pseudonym key, from the same keystore. */
    public AuditKeys audit() {
        return audit;
    }

    public boolean usesDevelopmentKeys() {
        return devKeys;
    }

    private static Aead aead(byte[] raw) {
        try {
            return AesGcmJce.create(AesGcmKey.builder().setParameters(KEK_PARAMETERS)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get())).build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("KEK is not a valid AES-256 key", e);
        }
    }
}
