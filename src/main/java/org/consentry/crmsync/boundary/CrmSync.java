package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.consent.boundary.RequiresConsent;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.control.RecipientPurposes;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.control.Recipients;
import org.consentry.crmsync.entity.CrmContact;
import org.consentry.outbox.control.Outbox;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.platform.boundary.SubjectId;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;

/**
 * What leaves for the CRM recipients, and only with the subject's consent to crm-sync: a lead's
 * contact, a resolved case. Either is stored in the outbox in the transaction of the change that causes
 * it, one delivery per recipient that serves crm-sync and whose other purposes hold for the subject,
 * and sent by the worker. A refused consent stops nothing else: a resolution still resolves, its sync
 * is only not queued (the guard audits the refusal).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ProblemException.class)
public class CrmSync {

    public static final ProblemType NO_CRM = new ProblemType("crm-not-configured", 503, "No CRM is configured");
    static final String PURPOSE = "crm-sync";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Recipients recipients;

    @Inject
    RecipientPurposes purposes;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The lead's contact, sealed, and one delivery of it per recipient (at least one). */
    @RequiresConsent(PURPOSE)
    public List<OutboxEntry> captureLead(@SubjectId String subjectId, LeadRequest lead) {
        if (recipients.serving(PURPOSE).isEmpty()) {
            throw new ProblemException(NO_CRM, "No CRM recipient serves crm-sync: set consentry.crm.recipients"
                    + " (or consentry.crm.url) to have leads synced.");
        }
        CrmContact contact = new CrmContact(subjectId, lead.name(), lead.email(), lead.phone(), clock.instant());
        em.persist(contact);
        return queue(CrmRecords.CONTACT, subjectId, contact.id());
    }

    /** A resolved case, one delivery per recipient ({@link ResolvedCaseSync} calls it in the resolving transaction). */
    @RequiresConsent(PURPOSE)
    public List<OutboxEntry> syncResolved(ResolvedCase resolved) {
        return queue(CrmRecords.CASE, resolved.subjectId(), resolved.escalationId());
    }

    private List<OutboxEntry> queue(String kind, String subjectId, String reference) {
        List<OutboxEntry> queued = new ArrayList<>();
        for (RecipientSettings to : recipients.serving(PURPOSE)) {
            var missing = purposes.missingWhenQueued(to, subjectId);
            if (missing.isPresent()) {
                audit.record(new AuditEntry("crm.sync", missing.get(), subjectId, null, Outcome.DENIED,
                        "not queued to " + to.id() + ": no current consent to " + missing.get() + "; " + kind + " " + reference));
            } else {
                queued.add(outbox.enqueueTo(to.id(), kind, subjectId, reference, to.target(), null));
            }
        }
        return queued;
    }

    /**
     * Art. 19: tells every recipient to erase the subject, through the outbox like every delivery, not
     * before {@code notBefore}. Needs no consent (a legal obligation). Returns the deliveries, one per
     * recipient, whose statuses are the erasure's receipts; none when no recipient is configured.
     */
    public List<OutboxEntry> propagateErasure(String subjectId, String erasureRequestId, Instant notBefore) {
        return recipients.all().stream()
                .map(to -> outbox.enqueueTo(to.id(), CrmRecords.ERASE, subjectId, erasureRequestId, to.target(), notBefore))
                .toList();
    }
}
