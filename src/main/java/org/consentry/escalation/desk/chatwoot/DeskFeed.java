package org.consentry.escalation.desk.chatwoot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.consentry.escalation.entity.CustomerMessaged;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationHandedOff;
import org.consentry.escalation.entity.EscalationResolved;
import org.consentry.outbox.control.Outbox;

/**
 * With consentry.desk=chatwoot, queues what Chatwoot must get, in the transaction that changed the
 * escalation (the change and the promise to tell Chatwoot commit together): a new escalation opens a
 * conversation, a customer's later message is added to it, a resolution resolves it. References only: the text is opened, masked,
 * when it is sent.
 */
@ApplicationScoped
public class DeskFeed {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    DeskSettings settings;

    @Inject
    Outbox outbox;

    void handedOff(@Observes EscalationHandedOff event) {
        enqueue(DeskDeliveries.OPEN, event.escalationId(), event.escalationId());
    }

    void customerMessaged(@Observes CustomerMessaged event) {
        enqueue(DeskDeliveries.CUSTOMER_MESSAGE, event.escalationId(), event.messageId());
    }

    /** Resolved in Consentry (or from Chatwoot: resolving a resolved conversation again changes nothing there). */
    void resolved(@Observes EscalationResolved event) {
        enqueue(DeskDeliveries.RESOLVE, event.escalationId(), event.escalationId());
    }

    private void enqueue(String kind, String escalationId, String reference) {
        if (!settings.chatwoot()) {
            return;
        }
        Escalation escalation = em.find(Escalation.class, escalationId);
        if (escalation != null) {
            outbox.enqueueTo(DeskDeliveries.RECIPIENT, kind, escalation.subjectId(), reference, escalationId, null);
        }
    }
}
