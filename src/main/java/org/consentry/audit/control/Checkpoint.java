package org.consentry.audit.control;

import java.nio.charset.StandardCharsets;

/**
 * A signed statement of the chain at one position, written outside the database (the audit sinks): the
 * entry at {@code seq} (which is also the number of entries up to it, positions being 1, 2, ...) has the
 * hash {@code headHash}, made with audit key version {@code keyVersion}; stated at {@code at}. The
 * signature is HMAC-SHA256 of {@link #signedText} under the checkpoint key derived from audit key
 * version {@code signingKeyVersion} ({@link CheckpointSigner}). Whoever rewrites or empties the audit
 * table cannot make the chain extend a checkpoint made before.
 */
public record Checkpoint(String format, long seq, int keyVersion, String headHash, String at, int signingKeyVersion,
                         String signature) {

    public static final String FORMAT = "consentry-audit-checkpoint/1";

    /** The bytes the signature covers: every member but the signature, in a fixed order, one per line. */
    public byte[] signedText() {
        return String.join("\n", format, Long.toString(seq), Integer.toString(keyVersion), headHash, at,
                Integer.toString(signingKeyVersion)).getBytes(StandardCharsets.UTF_8);
    }

    Checkpoint signed(String value) {
        return new Checkpoint(format, seq, keyVersion, headHash, at, signingKeyVersion, value);
    }
}
