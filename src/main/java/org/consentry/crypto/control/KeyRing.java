package org.consentry.crypto.control;

import com.google.crypto.tink.Aead;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
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
 * The key-encryption keys (KEK versions), from the custody named in configuration ({@link KeyCustody}:
 * consentry.kek.custody, {@code keystore} by default or {@code pkcs11}); never from code. The audit trail's
 * keys come from the same custody ({@link AuditKeys}). Without a configured
 * keystore the server refuses to start, unless {@code consentry.kek.dev-generate} is on (the development
 * server only): then a dev keystore is generated in the server's output folder, with a loud warning at
 * every start ({@link KekKeystore}).
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    @Inject
    @ConfigProperty(name = "consentry.kek.custody", defaultValue = "keystore")
    String custodyName;

    /** The custodies other than the keystore (vendor packages), found by {@link KeyCustody#name()}. */
    @Inject
    @Any
    Instance<KeyCustody> custodies;

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

    private KeyCustody custody;
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
            custody = custody();
            custody.open();
            devKeys = custody.development();
            reload();
            if (keks.isEmpty()) {
                throw new IllegalStateException(custody.where() + " holds no '" + aliasPrefix + "-kek-<n>' AES-256 key");
            }
            audit = custody.audit();
        } catch (IOException | GeneralSecurityException e) {
            IllegalStateException refused = new IllegalStateException("The key-encryption keys cannot be read from "
                    + (custody == null ? "their custody" : custody.where()) + ": " + e.getClass().getSimpleName(), e);
            LOG.severe(() -> "Consentry does not start: " + refused.getMessage());
            throw refused;
        } catch (IllegalStateException e) {
            LOG.severe(() -> "Consentry does not start: " + e.getMessage());
            throw e;
        }
        LOG.info(() -> "KEK versions " + versions() + " in " + custody.where());
        if (devKeys) {
            LOG.warning("""

                    ************************************************************************************
                    *  CONSENTRY IS USING A DEVELOPMENT KEY-ENCRYPTION KEY generated on this machine:  *
                    *  it protects nothing in production. Configure consentry.kek.keystore and         *
                    *  consentry.kek.password (a keystore kept outside the server) before real data.   *
                    ************************************************************************************""");
        }
    }

    private KeyCustody custody() throws IOException, GeneralSecurityException {
        String name = custodyName == null ? "keystore" : custodyName.strip();
        if (name.equals("keystore")) {
            return new KeystoreCustody(KekKeystore.open(keystorePath, keystorePassword, keystorePasswordFile,
                    aliasPrefix, devGenerate), aliasPrefix, generateOnRotation);
        }
        for (KeyCustody candidate : custodies) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
        }
        throw new IllegalStateException("consentry.kek.custody is '" + name + "': only 'keystore' and 'pkcs11' exist");
    }

    /** Reads the custody again: an operator or another server may have added a KEK version. */
    public synchronized void reload() throws IOException, GeneralSecurityException {
        for (var entry : custody.keks().entrySet()) {
            keks.putIfAbsent(entry.getKey(), entry.getValue());
        }
    }

    /** The KEK of a version, reading the custody again once if another server added it; never a retired one. */
    public Aead kek(int version) {
        if (retirements.isRetired(version)) {
            throw new KeyUnavailableException("KEK version " + version + " is retired");
        }
        Aead kek = keks.get(version);
        if (kek == null) {
            try {
                reload();
            } catch (IOException | GeneralSecurityException e) {
                throw new KeyUnavailableException("KEK version " + version + ": " + custody.name() + " unreadable");
            }
            kek = keks.get(version);
        }
        if (kek == null) {
            throw new KeyUnavailableException("KEK version " + version + " is not in the " + custody.name() + " of this server");
        }
        return kek;
    }

    /** The KEK version as the custody holds it now, looked up again rather than from memory (readiness). */
    Optional<Aead> reread(int version) throws IOException, GeneralSecurityException {
        return custody.reread(version);
    }

    /**
     * Destroys a retired version in the custody where it can (a PKCS#11 token) and forgets it here; false
     * where the custody leaves that to the operator (a keystore file).
     */
    public synchronized boolean destroy(int version) throws IOException, GeneralSecurityException {
        boolean destroyed = custody.destroy(version);
        if (destroyed) {
            keks.remove(version);
            LOG.info(() -> "Destroyed retired KEK version " + version + " in " + custody.where());
        }
        return destroyed;
    }

    /** A retirement committed: nothing may use the version again, so a token destroys it (a keystore keeps it). */
    void retired(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                 KekRetirements.Retired retired) {
        try {
            destroy(retired.version());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.severe(() -> "Retired KEK version " + retired.version() + " could not be destroyed in " + custody.where()
                    + " (" + e.getClass().getSimpleName() + "): it unwraps nothing, but remove it there by hand");
        }
    }

    /** The custody's name (keystore or pkcs11). */
    public String custodyName() {
        return custody.name();
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
            if (!custody.createsVersions()) {
                throw new KeyUnavailableException("No KEK version newer than " + primary + " in the keystore: add '"
                        + aliasPrefix + "-kek-" + (primary + 1) + "' (keytool -genseckey -keyalg AES -keysize 256 "
                        + "-storetype PKCS12) to every server's keystore, then rotate");
            }
            int next = primary + 1;
            keks.put(next, custody.create(next));
            LOG.info(() -> "Generated KEK version " + next + " in " + custody.where());
            return next;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyUnavailableException("The key custody cannot be updated: " + e.getClass().getSimpleName());
        }
    }

    /** The audit chain's keys and the pseudonym key, from the same keystore. */
    public AuditKeys audit() {
        return audit;
    }

    public boolean usesDevelopmentKeys() {
        return devKeys;
    }
}
