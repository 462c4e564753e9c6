package org.consentry.host.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.erasure.control.Recipient;
import org.consentry.erasure.entity.Receipt;
import org.consentry.host.control.HostNotices;
import org.consentry.host.control.HostSettings;
import org.consentry.outbox.control.Outbox;
import org.consentry.outbox.control.OutboxReceipts;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * The host applications as recipients of a subject's erasure (GDPR Art. 17, 19): each configured host gets
 * a signed notice, {"type":"subject.erased","subjectId","requestId"}, in the transaction of the local
 * erasure. Its client jar forgets the subject's decisions and keys and raises the CDI event
 * {@code SubjectErased} in the host, for the rows the host deletes itself; its 2xx answer, given after
 * the host's observers returned, is the host's receipt, and the erasure completes only when every host
 * (and every CRM) gave one. The host's sealed copies are unreadable from the local erasure on anyway:
 * the key they were sealed with is derived from the data key that erasure destroys.
 */
@ApplicationScoped
public class HostRecipient implements Recipient {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    HostSettings settings;

    @Inject
    Outbox outbox;

    @Override
    public String name() {
        return "hosts";
    }

    @Override
    public Optional<String> erase(String subjectId, String requestId) {
        for (HostSettings.Host host : settings.hosts().values()) {
            outbox.enqueueTo(host.lane(), HostNotices.ERASURE, subjectId, requestId, host.id(), null);
        }
        return settings.hosts().isEmpty() ? Optional.empty() : Optional.of(requestId);
    }

    /** A host's copies are its own records, kept and corrected by the host: no rectification notice is sent. */
    @Override
    public Optional<String> rectified(String subjectId) {
        return Optional.empty();
    }

    @Override
    public Receipt receipt(String deliveryId) {
        return Receipt.combined(receipts(deliveryId));
    }

    @Override
    public Map<String, Receipt> receipts(String deliveryId) {
        Map<String, Receipt> each = new LinkedHashMap<>();
        for (OutboxEntry entry : notices(deliveryId)) {
            each.put(entry.recipient(), OutboxReceipts.of(entry, "/api/v1/host-deliveries"));
        }
        return each;
    }

    @Override
    public void forget(String deliveryId) {
        notices(deliveryId).forEach(OutboxEntry::forgetSubject);
    }

    private List<OutboxEntry> notices(String requestId) {
        return em.createQuery("SELECT e FROM OutboxEntry e WHERE e.kind = :kind AND e.reference = :request ORDER BY e.recipient",
                OutboxEntry.class).setParameter("kind", HostNotices.ERASURE).setParameter("request", requestId).getResultList();
    }
}
