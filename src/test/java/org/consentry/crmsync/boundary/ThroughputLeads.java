package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.entity.CrmContact;
import org.consentry.outbox.control.Outbox;

/** Queues many contact deliveries in one transaction, for the throughput measurement. */
@ApplicationScoped
public class ThroughputLeads {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Transactional
    public void queue(String subject, int count, String target) {
        for (int i = 0; i < count; i++) {
            CrmContact contact = new CrmContact(subject, "Jan Kowalski", "jan" + i + "@example.com", "+48 600 100 200", Instant.now());
            em.persist(contact);
            outbox.enqueue(CrmRecords.CONTACT, subject, contact.id(), target);
        }
    }
}
