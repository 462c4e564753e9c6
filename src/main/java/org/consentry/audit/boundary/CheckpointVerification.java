package org.consentry.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.control.CheckpointProof;
import org.consentry.audit.entity.Outcome;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;

/**
 * Proves a checkpoint against the chain in one transaction, records the verification in the audit
 * (whatever its result: a failed proof is the finding an auditor must see), and answers with a problem
 * when the checkpoint does not hold.
 */
@ApplicationScoped
public class CheckpointVerification {

    public static final ProblemType SIGNATURE_INVALID = new ProblemType("audit-checkpoint-signature-invalid", 422,
            "The checkpoint's signature does not verify");
    public static final ProblemType NOT_EXTENDED = new ProblemType("audit-checkpoint-not-extended", 409,
            "The audit chain does not extend the checkpoint");
    static final String ACTION = "audit.checkpoint-verification";

    @Inject
    CheckpointProof proofs;

    @Inject
    AuditTrail trail;

    /** The verification's answer; the record of it commits with it, also when it ends in a problem. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CheckpointProof.Proof prove(CheckpointRequest request) {
        CheckpointProof.Proof proof = proofs.prove(request.checkpoint());
        boolean extended = proof.outcome() == CheckpointProof.Outcome.EXTENDED;
        trail.record(AuditEntry.of(ACTION, extended ? Outcome.DONE : Outcome.FAILED).detail("checkpoint at "
                + proof.checkpointSeq() + (proof.headSeq() < 0 ? "" : ", head at " + proof.headSeq())
                + (extended ? ": extended" : ": " + proof.problem())));
        return proof;
    }

    /** Throws the problem that a failed proof answers with. */
    static void answer(CheckpointProof.Proof proof) {
        switch (proof.outcome()) {
            case SIGNATURE_INVALID -> throw new ProblemException(SIGNATURE_INVALID, proof.problem())
                    .with("checkpointSeq", proof.checkpointSeq());
            case NOT_EXTENDED -> throw new ProblemException(NOT_EXTENDED, proof.problem())
                    .with("checkpointSeq", proof.checkpointSeq()).with("headSeq", proof.headSeq());
            default -> { }
        }
    }
}
