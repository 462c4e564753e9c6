package org.consentry.crypto.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How close each key is to the AES-GCM bound, and what to do about it (GDPR Art. 32). With random
 * 96-bit nonces a key should not encrypt more than 2^32 times (NIST SP 800-38D, 8.3); rotation is
 * advised at consentry.keys.rotation-advised-at (default 2^30), leaving room for counts not yet written.
 */
public record KeyHygiene(long limit, long adviseAt, int primaryVersion, boolean rotationAdvised,
                         List<KekVersionUsage> kekVersions, DataKeyUsage dataKeys, List<String> advice) {

    public static final long AES_GCM_LIMIT = 1L << 32;

    /** A KEK version: its wraps of data keys, and how many data keys it wraps now. */
    public record KekVersionUsage(int version, boolean primary, boolean inKeystore, Instant retiredAt, long encryptions,
                                  long dataKeys, boolean overAdvice) {
    }

    /** The subjects' data keys together: how many, their seals, the largest count, how many are past the advice. */
    public record DataKeyUsage(long count, long encryptions, long maxEncryptions, long overAdvice) {
    }

    /** A KEK version as counted, before the assessment. */
    public record Counted(int version, boolean inKeystore, Instant retiredAt, long encryptions, long dataKeys) {
    }

    public static KeyHygiene assess(long adviseAt, int primaryVersion, List<Counted> versions, DataKeyUsage dataKeys) {
        if (adviseAt < 1 || adviseAt > AES_GCM_LIMIT) {
            throw new IllegalArgumentException("consentry.keys.rotation-advised-at must be between 1 and 2^32: " + adviseAt);
        }
        List<KekVersionUsage> usage = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        boolean rotate = false;
        for (Counted v : versions) {
            boolean primary = v.version() == primaryVersion;
            boolean over = v.encryptions() >= adviseAt;
            usage.add(new KekVersionUsage(v.version(), primary, v.inKeystore(), v.retiredAt(), v.encryptions(), v.dataKeys(), over));
            if (primary && over) {
                rotate = true;
                advice.add("KEK version " + v.version() + " has made " + v.encryptions() + " encryptions, past the advised "
                        + adviseAt + " (AES-GCM bound 2^32): add a newer version to every keystore and rotate"
                        + " (POST /api/v1/keys/rotation).");
            } else if (!primary && v.retiredAt() == null && v.dataKeys() == 0) {
                advice.add("KEK version " + v.version() + " wraps no data key any more: retire it"
                        + " (POST /api/v1/keys/versions/" + v.version() + "/retirement), then remove it from the keystores.");
            }
        }
        if (dataKeys.overAdvice() > 0) {
            advice.add(dataKeys.overAdvice() + " subject data keys have sealed more than " + adviseAt + " values: re-keying a"
                    + " subject's data key is not automated; erase and re-collect, or raise it with the vendor.");
        }
        return new KeyHygiene(AES_GCM_LIMIT, adviseAt, primaryVersion, rotate, List.copyOf(usage), dataKeys, List.copyOf(advice));
    }
}
