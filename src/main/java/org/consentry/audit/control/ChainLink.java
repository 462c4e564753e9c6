package org.consentry.audit.control;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.consentry.audit.entity.AuditEvent;

/**
 * The chain's hash: HMAC-SHA256 under a version of the audit key (the link records which) over an
 * event's members, its position and the previous hash. Being keyed, the chain cannot be rebuilt by someone who can write the database but
 * does not hold the keystore.
 */
public final class ChainLink {

    public static final String GENESIS = "genesis";
    private final Mac mac;

    public ChainLink(SecretKeySpec key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** With an HMAC-SHA256 already initialised with the chain key (in a PKCS#11 token, the token's own). */
    public ChainLink(Mac mac) {
        this.mac = mac;
    }

    public String hash(AuditEvent event, long seq, String previous) {
        return HexFormat.of().formatHex(mac.doFinal(event.canonical(seq, previous)));
    }
}
