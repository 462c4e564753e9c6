package org.consentry.crypto.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
 * A key that an operator adds while the server runs is read when the keystore file has changed.
 */
public final class AuditKeys {

    private static final Logger LOG = Logger.getLogger(AuditKeys.class.getName());
    private static final String HMAC = "HmacSHA256";

    private final KeystoreFile keystore;
    private final NavigableMap<Integer, SecretKeySpec> chain = new ConcurrentSkipListMap<>();
    private final SecretKeySpec pseudonym;
    private volatile String seen;

    AuditKeys(KeystoreFile keystore, String prefix) throws IOException, GeneralSecurityException {
        this.keystore = keystore;
        read();
        if (chain.isEmpty()) {
            throw new IllegalStateException("The keystore " + keystore.path() + " holds no '" + prefix
                    + "-audit-<n>' HMAC key");
        }
        NavigableMap<Integer, byte[]> pseudonyms = keystore.pseudonymKeys();
        if (!pseudonyms.isEmpty() && !pseudonyms.keySet().equals(Set.of(1))) {
            throw new IllegalStateException("The keystore " + keystore.path() + " holds pseudonym key versions "
                    + pseudonyms.keySet() + ": only '" + prefix + "-pseudonym-1' may exist, it never rotates");
        }
        if (pseudonyms.isEmpty()) {
            pseudonym = chain.firstEntry().getValue();
            LOG.info(() -> "Subject references and CRM tokens use the first audit key '" + prefix + "-audit-"
                    + chain.firstKey() + "' (the keystore has no '" + prefix + "-pseudonym-1')");
        } else {
            pseudonym = new SecretKeySpec(pseudonyms.get(1), HMAC);
        }
    }

    /** The version that makes new links: the newest audit key, reading the keystore again if it changed. */
    public int newestVersion() {
        refresh(false);
        return chain.lastKey();
    }

    /** The chain key of a version, reading the keystore once more if another server added it. */
    public SecretKeySpec chainKey(int version) {
        SecretKeySpec key = chain.get(version);
        if (key == null) {
            refresh(true);
            key = chain.get(version);
        }
        if (key == null) {
            throw new KeyUnavailableException("Audit key version " + version + " is not in the keystore of this server");
        }
        return key;
    }

    /**
     * A keyed pseudonym: HMAC-SHA256 under the pseudonym key of {@code context|text}, base64url. The
     * context names the use and its format version (e.g. {@code consentry/subject-ref/v1}), so that the
     * uses never share a value.
     */
    public String pseudonym(String context, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(pseudonym);
            byte[] digest = mac.doFinal((context + "|" + text).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private synchronized void read() throws IOException, GeneralSecurityException {
        String state = keystore.state();
        for (var entry : keystore.auditKeys().entrySet()) {
            chain.putIfAbsent(entry.getKey(), new SecretKeySpec(entry.getValue(), HMAC));
        }
        seen = state;
    }

    private void refresh(boolean always) {
        try {
            if (always || !keystore.state().equals(seen)) {
                read();
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.warning(() -> "The keystore " + keystore.path() + " could not be read again for audit keys ("
                    + e.getClass().getSimpleName() + "): the keys read before stay in use");
        }
    }
}
