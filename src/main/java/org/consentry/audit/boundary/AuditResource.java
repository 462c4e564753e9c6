package org.consentry.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.consentry.audit.control.AuditChain;
import org.consentry.audit.control.CheckpointProof;
import org.consentry.audit.control.SubjectRefs;
import org.consentry.audit.entity.AuditEvent;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.boundary.SubjectId;
import org.consentry.platform.boundary.Success;
import org.consentry.platform.boundary.QueryInstant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "audit", description = "Who saw and did what (GDPR Art. 5(2), 30, 32)")
public class AuditResource {


    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    SubjectRefs refs;

    @Inject
    ChainLinker linker;

    @Inject
    CheckpointVerification checkpoints;

    @GET
    @Transactional
    @Operation(summary = "Audit events, newest first, filtered by subject and time",
            description = "No personal data: subjects appear as keyed references (subjectRef); filter with the "
                    + "subject's id. Page backwards with before=<id of the last event seen>.")
    public List<AuditEventView> list(@QueryParam("subjectId") @Pattern(regexp = SubjectId.PATTERN,
                                             message = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ -") String subjectId,
                                     @QueryParam("from") @Pattern(regexp = QueryInstant.PATTERN, message = QueryInstant.MESSAGE) String from,
                                     @QueryParam("to") @Pattern(regexp = QueryInstant.PATTERN, message = QueryInstant.MESSAGE) String to,
                                     @QueryParam("before") @Min(1) Long before,
                                     @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        if (subjectId != null) {
            jpql.append(" AND e.subjectRef = :ref");
        }
        if (from != null) {
            jpql.append(" AND e.occurredAt >= :from");
        }
        if (to != null) {
            jpql.append(" AND e.occurredAt < :to");
        }
        if (before != null) {
            jpql.append(" AND e.id < :before");
        }
        TypedQuery<AuditEvent> query = em.createQuery(jpql.append(" ORDER BY e.id DESC").toString(), AuditEvent.class);
        if (subjectId != null) {
            query.setParameter("ref", refs.of(subjectId));
        }
        if (from != null) {
            query.setParameter("from", QueryInstant.parse("from", from));
        }
        if (to != null) {
            query.setParameter("to", QueryInstant.parse("to", to));
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.setMaxResults(limit).getResultList().stream().map(AuditEventView::of).toList();
    }

    @POST
    @Path("verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.NEVER)
    @Operation(summary = "Prove that the audit chain still extends a checkpoint written to an audit sink",
            description = "Post a checkpoint line as a sink received it. 200 when its signature holds, the chain verifies"
                    + " and its entry at the checkpoint's position is the one the checkpoint vouches for; 409 when the"
                    + " table was emptied, cut back or rewritten since. The verification itself is audited.")
    @ProblemAnswer(status = 422, value = "audit-checkpoint-signature-invalid: the checkpoint was changed or not signed here")
    @ProblemAnswer(status = 409, value = "audit-checkpoint-not-extended: the chain in the database does not extend the checkpoint")
    @Success(status = 200, value = "The chain extends the checkpoint")
    public CheckpointResult verifyCheckpoint(@NotNull @Valid CheckpointRequest checkpoint) {
        linker.linkAll();
        CheckpointProof.Proof proof = checkpoints.prove(checkpoint);
        CheckpointVerification.answer(proof);
        return new CheckpointResult(true, proof.checkpointSeq(), proof.headSeq());
    }

    /** A checkpoint proven: the chain, now at {@code headSeq}, extends it. */
    public record CheckpointResult(boolean valid, long checkpointSeq, long headSeq) {
    }

    @GET
    @Path("verification")
    @Transactional(Transactional.TxType.NEVER)
    @Operation(summary = "Recompute the audit chain and report the first broken entry, if any")
    public AuditChain.Verification verify() {
        linker.linkAll();
        return linker.verify();
    }

}
