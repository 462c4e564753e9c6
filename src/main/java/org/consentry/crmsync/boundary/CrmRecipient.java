package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.control.CrmSettings;
import org.consentry.crmsync.entity.CrmContact;
import org.consentry.erasure.control.Recipient;
import org.consentry.erasure.entity.Receipt;
import org.consentry.outbox.control.Outbox;
import org.consentry.outbox.entity.OutboxEntry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CRM as a recipient of the subject's data (GDPR Art. 19). An erasure notice is sent one outbox
 * lease (consentry.outbox.lease) after the erasure, so that a delivery about the subject that a worker
 * had already taken ends before it: the CRM never gets the contact after it erased it. A rectification
 * is sent as the subject's latest contact, or the latest case, only if the CRM ever got either.
 */
@ApplicationScoped
public class CrmRecipient implements Recipient {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    CrmSync sync;

    @Inject
    CrmSettings settings;

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
        return Optional.ofNullable(sync.propagateErasure(subjectId, requestId, clock.instant().plus(lease))).map(OutboxEntry::id);
    }

    @Override
    public Optional<String> rectified(String subjectId) {
        if (!settings.configured()) {
            return Optional.empty();
        }
        List<OutboxEntry> sent = em.createQuery("SELECT e FROM OutboxEntry e WHERE e.subjectId = :s AND e.kind IN :kinds"
                        + " ORDER BY e.createdAt DESC", OutboxEntry.class)
                .setParameter("s", subjectId).setParameter("kinds", List.of(CrmRecords.CONTACT, CrmRecords.CASE))
                .setMaxResults(1).getResultList();
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        Optional<CrmContact> contact = em.createQuery("SELECT c FROM CrmContact c WHERE c.subjectId = :s"
                        + " ORDER BY c.capturedAt DESC", CrmContact.class)
                .setParameter("s", subjectId).setMaxResults(1).getResultStream().findFirst();
        OutboxEntry entry = contact.isPresent()
                ? outbox.enqueue(CrmRecords.CONTACT, subjectId, contact.get().id(), settings.url())
                : outbox.enqueue(CrmRecords.CASE, subjectId, sent.get(0).reference(), settings.url());
        return Optional.of(entry.id());
    }

    @Override
    public Receipt receipt(String deliveryId) {
        OutboxEntry entry = em.find(OutboxEntry.class, deliveryId);
        if (entry == null) {
            return new Receipt("UNKNOWN", null, "the delivery's record is no longer kept");
        }
        return switch (entry.status()) {
            case DELIVERED -> new Receipt("DELIVERED", entry.deliveredAt(), entry.lastOutcome());
            case FAILED -> new Receipt("FAILED", entry.lastAttemptAt(), entry.lastOutcome() + " (retry it at /api/v1/crm/outbox)");
            case CANCELLED -> new Receipt("CANCELLED", entry.lastAttemptAt(), entry.lastOutcome());
            case PENDING -> new Receipt("PENDING", entry.lastAttemptAt(), entry.lastOutcome());
        };
    }

    @Override
    public void forget(String deliveryId) {
        OutboxEntry entry = em.find(OutboxEntry.class, deliveryId);
        if (entry != null) {
            entry.forgetSubject();
        }
    }
}
