package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.crmsync.control.Recipients;
import org.consentry.escalation.entity.EscalationResolved;
import org.consentry.platform.control.ProblemException;

/**
 * Queues a resolved case for the CRM ({@link CrmSync#syncResolved}, which asks the subject's consent)
 * in the resolving transaction, if there is a CRM. A refused consent stops nothing else: the resolution
 * still resolves, its sync is only not queued (the guard audits the refusal).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ProblemException.class)
public class ResolvedCaseSync {

    @Inject
    CrmSync sync;

    @Inject
    Recipients recipients;

    @Inject
    AuditTrail audit;

    void onResolved(@Observes EscalationResolved resolved) {
        if (recipients.serving(CrmSync.PURPOSE).isEmpty()) {
            audit.record(new AuditEntry("crm.sync", CrmSync.PURPOSE, resolved.subjectId(), null, Outcome.DONE,
                    "not queued: no CRM configured; escalation " + resolved.escalationId()));
            return;
        }
        try {
            sync.syncResolved(new ResolvedCase(resolved.escalationId(), resolved.subjectId()));
        } catch (ProblemException refused) {
            // no consent to crm-sync: nothing leaves; the guard has recorded the refusal
        }
    }
}
