package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.consentry.crypto.control.KeyRing;

/**
 * Signs and checks checkpoints. The key is not a chain key itself but derived from one for this use
 * alone (HMAC-SHA256 of a fixed label under audit key version n), so that a checkpoint signature can never
 * be taken for a chain link or the reverse; it follows the audit key's rotation, and the checkpoint says
 * which version signed it.
 */
@ApplicationScoped
public class CheckpointSigner {

    static final String LABEL = "consentry/audit-checkpoint/v1";
    private static final String HMAC = "HmacSHA256";

    @Inject
    KeyRing keys;

    /** A checkpoint of the entry at {@code seq}, signed now with the newest audit key. */
    public Checkpoint sign(long seq, int keyVersion, String headHash, Instant at) {
        int signing = keys.audit().newestVersion();
        Checkpoint unsigned = new Checkpoint(Checkpoint.FORMAT, seq, keyVersion, headHash,
                at.truncatedTo(ChronoUnit.MILLIS).toString(), signing, null);
        return unsigned.signed(mac(signing, unsigned));
    }

    /**
     * Whether the signature is the one the key version it names makes. Throws
     * {@link org.consentry.crypto.control.KeyUnavailableException} when this server does not hold that version.
     */
    public boolean verifies(Checkpoint checkpoint) {
        String expected = mac(checkpoint.signingKeyVersion(), checkpoint);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                checkpoint.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(int version, Checkpoint checkpoint) {
        try {
            Mac derive = Mac.getInstance(HMAC);
            derive.init(keys.audit().chainKey(version));
            SecretKeySpec key = new SecretKeySpec(derive.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)), HMAC);
            Mac sign = Mac.getInstance(HMAC);
            sign.init(key);
            return HexFormat.of().formatHex(sign.doFinal(checkpoint.signedText()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
