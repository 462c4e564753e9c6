package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.consentry.consent.control.ConsentLedger;
import org.consentry.consent.control.Purposes;
import org.consentry.consent.entity.Purpose;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.entity.CrmContact;
import org.consentry.outbox.control.Outbox;

/** Queues many contact deliveries of a consenting subject in one transaction, for the throughput measurement. */
@ApplicationScoped
public class ThroughputLeads {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ConsentLedger ledger;

    @Inject
    Purposes purposes;

    /** The subject consents to crm-sync (a delivery is checked against it again when it is sent), then the leads. */
    @Transactional
    public void queue(String subject, int count, String target) {
        Purpose crmSync = purposes.get("crm-sync");
        ledger.grant(subject, crmSync, new ConsentLedger.Grant(crmSync.noticeVersion(), "chat", "throughput test"), "test");
        for (int i = 0; i < count; i++) {
            CrmContact contact = new CrmContact(subject, "Jan Kowalski", "jan" + i + "@example.com", "+48 600 100 200", Instant.now());
            em.persist(contact);
            outbox.enqueue(CrmRecords.CONTACT, subject, contact.id(), target);
        }
    }
}
