package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.consentry.escalation.control.EscalationReasons;
import org.consentry.escalation.control.TranscriptSealing;
import org.consentry.escalation.entity.Escalation;

/**
 * One batch of {@link ReasonSealingPass}, in a transaction of its own: up to {@value ReasonSealingPass#BATCH}
 * reasons still in clear sealed, each row locked and looked at again first (another server may have
 * sealed it meanwhile).
 */
@ApplicationScoped
public class ReasonSealingBatch {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    TranscriptSealing sealing;

    @Inject
    EscalationReasons reasons;

    /** How many it sealed: none when no clear reason is left. */
    @Transactional
    public int seal() {
        List<String> ids = em.createQuery("SELECT e.id FROM Escalation e WHERE e.legacyReason IS NOT NULL ORDER BY e.id",
                String.class).setMaxResults(ReasonSealingPass.BATCH).getResultList();
        int sealed = 0;
        for (String id : ids) {
            Escalation e = em.find(Escalation.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e != null) {
                em.refresh(e);
                if (e.legacyReason() != null) {
                    reasons.seal(e, sealing.of(e), e.legacyReason());
                    sealed++;
                }
            }
        }
        return sealed;
    }
}
