package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.consentry.crypto.control.KeyUnavailableException;

/**
 * Proves that the chain in the database still extends a checkpoint written out before: the checkpoint's
 * signature holds, the whole chain verifies from its start to its head, the head is at or past the
 * checkpoint, and the entry at the checkpoint's position is the one it vouches for (same hash, same key
 * version). An emptied table, a chain cut back, or one rewritten by someone holding an audit key all fail
 * the last two, which the chain alone cannot see. Runs in the caller's transaction.
 */
@ApplicationScoped
public class CheckpointProof {

    /** How a proof ended. */
    public enum Outcome { EXTENDED, SIGNATURE_INVALID, NOT_EXTENDED }

    /** The result: the outcome, the chain's head now, and what failed (null when extended). */
    public record Proof(Outcome outcome, long checkpointSeq, long headSeq, String problem) {
    }

    @Inject
    CheckpointSigner signer;

    @Inject
    AuditChain chain;

    public Proof prove(Checkpoint checkpoint) {
        long seq = checkpoint.seq();
        try {
            if (!signer.verifies(checkpoint)) {
                return new Proof(Outcome.SIGNATURE_INVALID, seq, -1, "The checkpoint's signature is not the one audit key version "
                        + checkpoint.signingKeyVersion() + " makes: it was changed, or not made by this deployment.");
            }
        } catch (KeyUnavailableException e) {
            return new Proof(Outcome.SIGNATURE_INVALID, seq, -1, "The checkpoint names audit key version "
                    + checkpoint.signingKeyVersion() + ", which the keystore of this server does not hold.");
        }
        AuditChain.Position head = chain.head();
        if (head.seq() < seq) {
            return new Proof(Outcome.NOT_EXTENDED, seq, head.seq(), "The chain in the database holds " + head.seq()
                    + " entries, but the checkpoint vouches for " + seq + ": entries were deleted (the table emptied or cut back).");
        }
        AuditChain.Verification verification = chain.verify();
        if (!verification.valid()) {
            return new Proof(Outcome.NOT_EXTENDED, seq, head.seq(), "The chain in the database is broken at position "
                    + verification.brokenAt() + ": " + verification.problem() + ".");
        }
        return chain.at(seq)
                .filter(at -> at.hash().equals(checkpoint.headHash()) && at.keyVersion() == checkpoint.keyVersion())
                .map(at -> new Proof(Outcome.EXTENDED, seq, head.seq(), null))
                .orElseGet(() -> new Proof(Outcome.NOT_EXTENDED, seq, head.seq(), "The entry at position " + seq
                        + " is not the one the checkpoint vouches for: the chain was rewritten from there or before."));
    }
}
