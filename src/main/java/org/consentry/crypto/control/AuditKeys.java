package org.consentry.crypto.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Base64;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Logger;
import javax.crypto.Mac;

/**
 * The audit trail's keys, from the keystore that holds the KEKs (operator guide, "Keys"):
 * <ul>
 * <li>chain keys {@code <prefix>-audit-<n>} (HMAC-SHA256): the newest makes new links and each link
 * records its version, so an added key continues the chain while every link still verifies with the key
 * that made it. None may ever be deleted.</li>
 * <li>the pseudonym key, for the subject references in the audit and the tokens sent to the CRM:
 * {@code <prefix>-pseudonym-1}; in a keystore without it, the first (lowest) audit key, which made every
 * reference and token before chain keys could rotate, so that they stay the same through the upgrade.
 * It never rotates: a reference must find a subject's events of every year, a token must match what
 * the CRM already holds.</li>
 * </ul>
 * A key that an operator adds while the server runs is read when the keystore file has changed (in a
 * PKCS#11 token: when a link names a version not yet read). The keys are HMAC keys of the custody
 * ({@link KeyCustody}): in a token they stay there, and every HMAC is computed by the token.
 */
public final class AuditKeys {

    private static final Logger LOG = Logger.getLogger(AuditKeys.class.getName());
    private static final String HMAC = "HmacSHA256";

    /** Where the custody keeps the audit keys. */
    public interface Source {

        /** Chain key versions (HMAC-SHA256), by version. */
        NavigableMap<Integer, Key> chainKeys() throws IOException, GeneralSecurityException;

        /** Pseudonym key versions (only version 1 may exist). */
        NavigableMap<Integer, Key> pseudonymKeys() throws IOException, GeneralSecurityException;

        /** What tells whether the keys may have changed since they were read. */
        String state() throws IOException;

        /** "The keystore /path" or "The PKCS#11 token ...": for messages, never a secret. */
        String where();

        /** An HMAC-SHA256 of the provider that can use the keys (a token's own for its keys). */
        default Mac mac() throws GeneralSecurityException {
            return Mac.getInstance(HMAC);
        }
    }

    private final Source keystore;
    private final NavigableMap<Integer, Key> chain = new ConcurrentSkipListMap<>();
    private final Key pseudonym;
    private volatile String seen;

    public AuditKeys(Source keystore, String prefix) throws IOException, GeneralSecurityException {
        this.keystore = keystore;
        read();
        if (chain.isEmpty()) {
            throw new IllegalStateException(keystore.where() + " holds no '" + prefix
                    + "-audit-<n>' HMAC key");
        }
        NavigableMap<Integer, Key> pseudonyms = keystore.pseudonymKeys();
        if (!pseudonyms.isEmpty() && !pseudonyms.keySet().equals(Set.of(1))) {
            throw new IllegalStateException(keystore.where() + " holds pseudonym key versions "
                    + pseudonyms.keySet() + ": only '" + prefix + "-pseudonym-1' may exist, it never rotates");
        }
        if (pseudonyms.isEmpty()) {
            pseudonym = chain.firstEntry().getValue();
            LOG.info(() -> "Subject references and CRM tokens use the first audit key '" + prefix + "-audit-"
                    + chain.firstKey() + "' (the keystore has no '" + prefix + "-pseudonym-1')");
        } else {
            pseudonym = pseudonyms.get(1);
        }
    }

    /** The version that makes new links: the newest audit key, reading the keystore again if it changed. */
    public int newestVersion() {
        refresh(false);
        return chain.lastKey();
    }

    /** The chain key of a version, reading the keystore once more if another server added it. */
    public Key chainKey(int version) {
        Key key = chain.get(version);
        if (key == null) {
            refresh(true);
            key = chain.get(version);
        }
        if (key == null) {
            throw new KeyUnavailableException("Audit key version " + version + " is not in the key custody of this server");
        }
        return key;
    }

    /** An HMAC-SHA256 initialised with the chain key of a version (see {@link #chainKey}). */
    public Mac chainMac(int version) {
        return mac(chainKey(version));
    }

    /**
     * A keyed pseudonym: HMAC-SHA256 under the pseudonym key of {@code context|text}, base64url. The
     * context names the use and its format version (e.g. {@code consentry/subject-ref/v1}), so that the
     * uses never share a value.
     */
    public String pseudonym(String context, String text) {
        byte[] digest = mac(pseudonym).doFinal((context + "|" + text).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac mac(Key key) {
        try {
            Mac mac = keystore.mac();
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("HMAC-SHA256 with the audit key unavailable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private synchronized void read() throws IOException, GeneralSecurityException {
        String state = keystore.state();
        for (var entry : keystore.chainKeys().entrySet()) {
            chain.putIfAbsent(entry.getKey(), entry.getValue());
        }
        seen = state;
    }

    private void refresh(boolean always) {
        try {
            if (always || !keystore.state().equals(seen)) {
                read();
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.warning(() -> keystore.where() + " could not be read again for audit keys ("
                    + e.getClass().getSimpleName() + "): the keys read before stay in use");
        }
    }
}
