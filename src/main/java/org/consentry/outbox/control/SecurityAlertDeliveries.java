package org.consentry.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * Sends the alerts ({@link SecurityAlertBodies#KIND}) to the alert webhook: a signed POST, the delivery's id
 * as webhook-id, retried as every delivery is. An alert whose webhook is no longer configured is obsolete.
 */
@ApplicationScoped
public class SecurityAlertDeliveries implements DeliveryHandler {

    @Inject
    AlertWebhook webhook;

    @Inject
    SignedPost post;

    @Override
    public boolean handles(String kind) {
        return SecurityAlertBodies.KIND.equals(kind);
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        Optional<AlertWebhook.Receiver> receiver = webhook.receiver();
        if (receiver.isEmpty()) {
            return new DeliveryResult.Obsolete("consentry.alerts.webhook.url is no longer set");
        }
        String body;
        try {
            body = SecurityAlertBodies.body(entry.reference());
        } catch (IllegalArgumentException e) {
            return new DeliveryResult.Rejected("the alert's reference is not one this version reads");
        }
        return post.send(receiver.get().url(), body, receiver.get().signer(), entry.id(), Map.of());
    }
}
