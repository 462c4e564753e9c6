package org.consentry.crypto.control;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * Proves the key custody usable now, not only at start: looks the primary KEK version up again where it
 * is kept (opens the keystore file again with its password, or finds the key object in the PKCS#11 token
 * again) and unwraps with it a probe wrapped by the KEK the key ring holds. A keystore gone, unreadable,
 * with a changed password or without the primary version fails, a token removed or logged out fails, and
 * so does a custody whose key is no longer the one in use.
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
        Optional<Aead> kept;
        try {
            kept = keyRing.reread(version);
        } catch (Exception e) { // missing, unreadable, wrong password, token gone: fail closed, and say no path
            return new Result(false, version, keyRing.custodyName() + " unreadable (" + e.getClass().getSimpleName() + ")");
        }
        if (kept.isEmpty()) {
            return new Result(false, version, "KEK version " + version + " is not in the " + keyRing.custodyName());
        }
        try {
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            byte[] wrapped = keyRing.kek(version).encrypt(secret, CONTEXT);
            return Arrays.equals(secret, kept.get().decrypt(wrapped, CONTEXT)) ? new Result(true, version, null)
                    : differs(version);
        } catch (GeneralSecurityException e) {
            return differs(version);
        } catch (RuntimeException e) {
            return new Result(false, version, keyRing.custodyName() + " unusable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Result differs(int version) {
        return new Result(false, version, "KEK version " + version + " in the custody differs from the key in use");
    }
}
