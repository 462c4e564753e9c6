package org.consentry.escalation.desk.chatwoot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.outbox.control.Outbox;

/**
 * One batch of {@link DeskErasures}, in a new transaction: Chatwoot conversations whose escalation is
 * gone, each pair taken (its DELETE decides which server queues it) and the contact's deletion queued
 * and audited.
 */
@ApplicationScoped
public class GoneConversations {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    /** Queues the deletion of up to {@code limit} conversations whose escalation is gone; returns how many it found. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int queue(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> gone = em.createNativeQuery("SELECT d.escalation_id, d.conversation_id FROM desk_chatwoot_conversation d"
                + " WHERE NOT EXISTS (SELECT 1 FROM escalation e WHERE e.id = d.escalation_id) ORDER BY d.opened_at")
                .setMaxResults(limit).getResultList();
        for (Object[] pair : gone) {
            String escalationId = (String) pair[0];
            long conversation = ((Number) pair[1]).longValue();
            int taken = em.createNativeQuery("DELETE FROM desk_chatwoot_conversation WHERE escalation_id = ?1")
                    .setParameter(1, escalationId).executeUpdate();
            if (taken == 1) { // another server's pass took it otherwise
                em.createNativeQuery("DELETE FROM desk_chatwoot_applied WHERE escalation_id = ?1")
                        .setParameter(1, escalationId).executeUpdate();
                outbox.enqueueTo(DeskDeliveries.RECIPIENT, DeskDeliveries.ERASE, null, Long.toString(conversation), escalationId, null);
                audit.recordAs("desk.chatwoot", new AuditEntry("desk.erase-queued", null, null, null, Outcome.DONE,
                        "escalation " + escalationId + " is gone: its chatwoot conversation " + conversation + " is to be deleted"));
            }
        }
        return gone.size();
    }
}
