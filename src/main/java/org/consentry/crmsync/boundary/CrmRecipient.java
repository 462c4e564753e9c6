package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.control.Recipients;
import org.consentry.crmsync.entity.CrmContact;
import org.consentry.erasure.control.Recipient;
import org.consentry.erasure.entity.Receipt;
import org.consentry.outbox.control.Outbox;
import org.consentry.outbox.control.OutboxReceipts;
import org.consentry.outbox.entity.OutboxEntry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CRM recipients as recipients of the subject's data (GDPR Art. 19). An erasure notice goes to
 * every configured recipient, one delivery each, sent one outbox lease (consentry.outbox.lease) after
 * the erasure, so that a delivery about the subject that a worker had already taken ends before it: no
 * recipient gets the contact after it erased it. The notices are known together by the erasure
 * request's id; the erasure completes when every recipient acknowledged its own. A rectification is
 * sent as the subject's latest contact, or the latest case, to each recipient that ever got either.
 */
@ApplicationScoped
public class CrmRecipient implements Recipient {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    CrmSync sync;

    @Inject
    Recipients recipients;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "consentry.outbox.lease", defaultValue = "PT60S")
    Duration lease;

    @Override
    public String name() {
        return "crm";
    }

    @Override
    public Optional<String> erase(String subjectId, String requestId) {
        List<OutboxEntry> notices = sync.propagateErasure(subjectId, requestId, clock.instant().plus(lease));
        return notices.isEmpty() ? Optional.empty() : Optional.of(requestId);
    }

    @Override
    public Optional<String> rectified(String subjectId) {
        List<OutboxEntry> sent = em.createQuery("SELECT e FROM OutboxEntry e WHERE e.subjectId = :s AND e.kind IN :kinds"
                        + " ORDER BY e.createdAt DESC", OutboxEntry.class)
                .setParameter("s", subjectId).setParameter("kinds", List.of(CrmRecords.CONTACT, CrmRecords.CASE))
                .getResultList();
        Optional<CrmContact> contact = em.createQuery("SELECT c FROM CrmContact c WHERE c.subjectId = :s"
                        + " ORDER BY c.capturedAt DESC", CrmContact.class)
                .setParameter("s", subjectId).setMaxResults(1).getResultStream().findFirst();
        Map<String, OutboxEntry> latestPerRecipient = new LinkedHashMap<>();
        sent.forEach(e -> latestPerRecipient.putIfAbsent(e.recipient(), e));
        OutboxEntry first = null;
        for (OutboxEntry latest : latestPerRecipient.values()) {
            Optional<RecipientSettings> to = recipients.get(latest.recipient());
            if (to.isEmpty()) {
                continue; // no longer configured: nothing to send it with
            }
            OutboxEntry entry = contact.isPresent()
                    ? outbox.enqueueTo(to.get().id(), CrmRecords.CONTACT, subjectId, contact.get().id(), to.get().target(), null)
                    : outbox.enqueueTo(to.get().id(), CrmRecords.CASE, subjectId, latest.reference(), to.get().target(), null);
            first = first == null ? entry : first;
        }
        return Optional.ofNullable(first).map(OutboxEntry::id);
    }

    /** All recipients' notices together (Receipt.combined). */
    @Override
    public Receipt receipt(String deliveryId) {
        return Receipt.combined(receipts(deliveryId));
    }

    /** One receipt per recipient, by recipient id (an erasure request's notices, or one delivery of earlier releases). */
    @Override
    public Map<String, Receipt> receipts(String deliveryId) {
        Map<String, Receipt> each = new LinkedHashMap<>();
        for (OutboxEntry entry : notices(deliveryId)) {
            each.put(entry.recipient(), OutboxReceipts.of(entry, "/api/v1/crm/outbox"));
        }
        return each;
    }

    @Override
    public void forget(String deliveryId) {
        notices(deliveryId).forEach(OutboxEntry::forgetSubject);
    }

    private List<OutboxEntry> notices(String deliveryId) {
        OutboxEntry single = em.find(OutboxEntry.class, deliveryId);
        if (single != null) {
            return List.of(single);
        }
        return em.createQuery("SELECT e FROM OutboxEntry e WHERE e.kind = :kind AND e.reference = :request"
                        + " ORDER BY e.recipient", OutboxEntry.class)
                .setParameter("kind", CrmRecords.ERASE).setParameter("request", deliveryId).getResultList();
    }
}
