package org.consentry.crypto.control.pkcs11;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import org.consentry.crypto.control.AuditKeys;
import org.consentry.crypto.control.KeyCustody;
import org.consentry.crypto.control.KeystoreSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * KEKs in a PKCS#11 token (consentry.kek.custody=pkcs11): every KEK version is an AES-256 token object
 * labelled {@code <prefix>-kek-<n>}, sensitive and not extractable; data keys are wrapped and unwrapped by
 * the token ({@link TokenAead}). A rotation generates the next version in the token, a retirement destroys
 * it there, a restart finds the versions by their labels. The audit trail's keys are HMAC keys in the same
 * token ({@code <prefix>-audit-<n>}, {@code <prefix>-pseudonym-1}); the token computes every HMAC.
 * Opened only when selected: the application does not start when the library, the slot or the login fails.
 */
@ApplicationScoped
public class Pkcs11Custody implements KeyCustody {

    @Inject
    @ConfigProperty(name = "consentry.kek.pkcs11.library")
    Optional<String> library;

    @Inject
    @ConfigProperty(name = "consentry.kek.pkcs11.slot")
    Optional<Long> slot;

    @Inject
    @ConfigProperty(name = "consentry.kek.pkcs11.slot-index", defaultValue = "0")
    int slotIndex;

    @Inject
    @ConfigProperty(name = "consentry.kek.pkcs11.pin")
    Optional<String> pin;

    @Inject
    @ConfigProperty(name = "consentry.kek.pkcs11.pin-file")
    Optional<String> pinFile;

    @Inject
    @ConfigProperty(name = "consentry.kek.alias-prefix", defaultValue = "consentry")
    String prefix;

    /** On a token without any Consentry key, generate the first KEK, audit and pseudonym keys in it (set-up). */
    @Inject
    @ConfigProperty(name = "consentry.kek.pkcs11.generate-initial", defaultValue = "false")
    boolean generateInitial;

    private Token token;
    private char[] userPin;

    @Override
    public String name() {
        return "pkcs11";
    }

    @Override
    public synchronized void open() {
        if (library.isEmpty() || library.get().isBlank()) {
            throw new IllegalStateException("consentry.kek.custody is pkcs11 but consentry.kek.pkcs11.library is not set");
        }
        try {
            userPin = KeystoreSecrets.password(pin, pinFile).orElseThrow(() -> new IllegalStateException(
                    "Neither consentry.kek.pkcs11.pin nor consentry.kek.pkcs11.pin-file is set for the PKCS#11 token"));
        } catch (IOException e) {
            throw new IllegalStateException("The PIN file (consentry.kek.pkcs11.pin-file) cannot be read", e);
        }
        token = Token.open(library.get().strip(), slot.map(s -> "slot " + s).orElse("slotListIndex " + slotIndex), userPin);
        if (generateInitial) {
            try {
                firstKeys();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The first keys cannot be generated in " + token.where() + ": "
                        + Token.reason(e), e);
            }
        }
    }

    private void firstKeys() throws GeneralSecurityException {
        if (!token.keys(prefix, "kek").isEmpty() || !token.keys(prefix, "audit").isEmpty()
                || !token.keys(prefix, "pseudonym").isEmpty()) {
            return;
        }
        token.generate(label("kek", 1), "AES");
        token.generate(label("audit", 1), "HmacSHA256");
        token.generate(label("pseudonym", 1), "HmacSHA256");
        java.util.logging.Logger.getLogger(Pkcs11Custody.class.getName()).warning(() -> "Generated the first KEK, audit and "
                + "pseudonym keys in " + token.where() + " (consentry.kek.pkcs11.generate-initial): back the token up");
    }

    @Override
    public NavigableMap<Integer, Aead> keks() throws IOException, GeneralSecurityException {
        token.refresh(userPin);
        NavigableMap<Integer, Aead> found = new TreeMap<>();
        token.keys(prefix, "kek").forEach((version, key) -> found.put(version, new TokenAead(token.provider(), key)));
        return found;
    }

    @Override
    public Optional<Aead> reread(int version) throws IOException, GeneralSecurityException {
        return Optional.ofNullable(keks().get(version));
    }

    @Override
    public boolean createsVersions() {
        return true;
    }

    @Override
    public Aead create(int version) throws GeneralSecurityException {
        return new TokenAead(token.provider(), token.generate(label("kek", version), "AES"));
    }

    @Override
    public boolean destroy(int version) throws GeneralSecurityException {
        return token.destroy(label("kek", version));
    }

    @Override
    public AuditKeys audit() throws IOException, GeneralSecurityException {
        return new AuditKeys(new AuditKeys.Source() {
            @Override
            public NavigableMap<Integer, Key> chainKeys() throws GeneralSecurityException {
                return token.keys(prefix, "audit");
            }

            @Override
            public NavigableMap<Integer, Key> pseudonymKeys() throws GeneralSecurityException {
                return token.keys(prefix, "pseudonym");
            }

            @Override
            public String state() {
                return "token"; // read again only for a version not read yet
            }

            @Override
            public String where() {
                return "The PKCS#11 token";
            }

            @Override
            public Mac mac() throws GeneralSecurityException {
                return Mac.getInstance("HmacSHA256", token.provider());
            }
        }, prefix);
    }

    @Override
    public String where() {
        return token == null ? "the PKCS#11 token" : token.where();
    }

    Token token() {
        return token;
    }

    private String label(String kind, int version) {
        return prefix + "-" + kind + "-" + version;
    }
}
