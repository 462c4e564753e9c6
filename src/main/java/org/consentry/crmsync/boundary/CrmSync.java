package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.consent.boundary.RequiresConsent;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.control.CrmSettings;
import org.consentry.crmsync.entity.CrmContact;
import org.consentry.escalation.entity.EscalationResolved;
import org.consentry.outbox.control.Outbox;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.platform.boundary.SubjectId;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;

/**
 * What leaves for the CRM, and only with the subject's consent to crm-sync: a lead's contact, a
 * resolved case. Either is stored in the outbox in the transaction of the change that causes it and
 * sent by the worker. A refused consent stops nothing else: a resolution still resolves, its sync is
 * only not queued (the guard audits the refusal).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ProblemException.class)
public class CrmSync {

    public static final ProblemType NO_CRM = new ProblemType("crm-not-configured", 503, "No CRM is configured");

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CrmSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    CrmSync self;

    @RequiresConsent("crm-sync")
    public OutboxEntry captureLead(@SubjectId String subjectId, LeadRequest lead) {
        if (!settings.configured()) {
            throw new ProblemException(NO_CRM, "consentry.crm.url is not set: there is no CRM to sync with.");
        }
        CrmContact contact = new CrmContact(subjectId, lead.name(), lead.email(), lead.phone(), clock.instant());
        em.persist(contact);
        return outbox.enqueue(CrmRecords.CONTACT, subjectId, contact.id(), settings.url());
    }

    @RequiresConsent("crm-sync")
    public OutboxEntry syncResolved(ResolvedCase resolved) {
        return outbox.enqueue(CrmRecords.CASE, resolved.subjectId(), resolved.escalationId(), settings.url());
    }

    /** In the resolving transaction: the case is queued if there is a CRM and the subject consents. */
    void onResolved(@Observes EscalationResolved resolved) {
        if (!settings.configured()) {
            audit.record(new AuditEntry("crm.sync", "crm-sync", resolved.subjectId(), null, Outcome.DONE,
                    "not queued: no CRM configured; escalation " + resolved.escalationId()));
            return;
        }
        try {
            self.syncResolved(new ResolvedCase(resolved.escalationId(), resolved.subjectId()));
        } catch (ProblemException refused) {
            // no consent to crm-sync: nothing leaves; the guard has recorded the refusal
        }
    }

    /**
     * Art. 19: tells the CRM to erase the subject, through the outbox like every delivery, not before
     * {@code notBefore}. Needs no consent (a legal obligation). Returns the delivery, whose status is the
     * erasure's receipt, or null when no CRM is configured.
     */
    public OutboxEntry propagateErasure(String subjectId, String erasureRequestId, java.time.Instant notBefore) {
        if (!settings.configured()) {
            return null;
        }
        return outbox.enqueue(CrmRecords.ERASE, subjectId, erasureRequestId, settings.url(), notBefore);
    }
}
