package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.control.Recipients;
import org.consentry.outbox.control.DeliveryHandler;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * Sends the CRM recipients' outbox entries, each through its recipient's connector. The record is
 * built when it is sent, and a contact or case only while the subject still consents to every purpose
 * the recipient serves (read from the ledger, not the cache): a withdrawal cancels what was queued
 * before it, even an entry already on its way to a retry.
 */
@ApplicationScoped
public class CrmDeliveries implements DeliveryHandler {

    @Inject
    Recipients recipients;

    @Inject
    CrmDeliveryPreparation preparation;

    @Override
    public boolean handles(String kind) {
        return kind.startsWith("crm.");
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        Optional<RecipientSettings> to = recipients.get(entry.recipient());
        if (to.isEmpty()) {
            return new DeliveryResult.Rejected("recipient " + entry.recipient() + " is no longer configured");
        }
        CrmDeliveryPreparation.Prepared prepared = preparation.prepare(entry, to.get());
        if (prepared.record() == null) {
            return new DeliveryResult.Obsolete(prepared.why());
        }
        return recipients.connector(to.get()).send(to.get(), prepared.record());
    }
}
