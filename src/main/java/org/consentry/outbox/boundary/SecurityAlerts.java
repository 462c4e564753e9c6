package org.consentry.outbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.consentry.audit.control.AuthAbuse;
import org.consentry.outbox.control.AlertWebhook;
import org.consentry.outbox.control.Outbox;
import org.consentry.outbox.control.SecurityAlertBodies;

/**
 * Puts an alert for each {@link AuthAbuse} in the outbox, lane {@code alerts}, in the transaction that
 * audited it: delivered and retried like every delivery, and lost only if the audit entry is too. Without
 * a configured webhook nothing is queued.
 */
@ApplicationScoped
public class SecurityAlerts {

    @Inject
    AlertWebhook webhook;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    void abuse(@Observes AuthAbuse abuse) {
        if (webhook.receiver().isPresent()) {
            outbox.enqueue(SecurityAlertBodies.KIND, null, SecurityAlertBodies.reference(abuse), SecurityAlertBodies.TARGET);
        }
    }
}
