package org.consentry.crypto.control;

import com.google.crypto.tink.subtle.AesGcmJce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Proves the key-encryption keystore usable now, not only at start: opens the keystore file again with
 * its password, reads the primary KEK version from it, and unwraps with that key a probe wrapped by the
 * KEK the key ring holds in memory. A keystore gone, unreadable, with a changed password or without the
 * primary version fails, and so does a file whose key is no longer the one in use.
 */
@ApplicationScoped
public class KeystoreProbe {

    /** The outcome: whether the KEK is usable, and which version was proven (or what failed, without paths). */
    public record Result(boolean usable, int version, String problem) {
    }

    private static final byte[] CONTEXT = "consentry/health/kek-probe".getBytes(StandardCharsets.UTF_8);

    @Inject
    KeyRing keyRing;

    @Inject
    SubjectKeyStore subjectKeys;

    private final SecureRandom random = new SecureRandom();

    public Result probe() {
        int version;
        try {
            version = subjectKeys.primaryVersion();
        } catch (RuntimeException e) {
            return new Result(false, 0, "primary KEK version unknown (database)");
        }
        byte[] fileKey;
        try {
            fileKey = keyRing.keksOnDisk().get(version);
        } catch (Exception e) { // missing, unreadable, wrong password: fail closed, and say no path
            return new Result(false, version, "keystore unreadable (" + e.getClass().getSimpleName() + ")");
        }
        if (fileKey == null) {
            return new Result(false, version, "KEK version " + version + " is not in the keystore");
        }
        try {
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            byte[] wrapped = keyRing.kek(version).encrypt(secret, CONTEXT);
            return Arrays.equals(secret, new AesGcmJce(fileKey).decrypt(wrapped, CONTEXT)) ? new Result(true, version, null)
                    : differs(version);
        } catch (GeneralSecurityException e) {
            return differs(version);
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    private static Result differs(int version) {
        return new Result(false, version, "KEK version " + version + " in the keystore differs from the key in use");
    }
}
