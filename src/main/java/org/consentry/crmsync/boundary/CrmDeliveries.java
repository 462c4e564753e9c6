package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.control.RecipientPurposes;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.control.Recipients;
import org.consentry.crmsync.entity.CrmRecord;
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
    CrmRecords records;

    @Inject
    Recipients recipients;

    @Inject
    RecipientPurposes purposes;

    @Inject
    CrmDeliveries self;

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
        Prepared prepared = self.prepare(entry, to.get());
        if (prepared.record() == null) {
            return new DeliveryResult.Obsolete(prepared.why());
        }
        return recipients.connector(to.get()).send(to.get(), prepared.record());
    }

    /** The record to send, or why nothing is sent any more. */
    public record Prepared(CrmRecord record, String why) {
    }

    @Transactional
    public Prepared prepare(OutboxEntry entry, RecipientSettings to) {
        boolean needsConsent = entry.kind().equals(CrmRecords.CONTACT) || entry.kind().equals(CrmRecords.CASE);
        if (needsConsent && entry.subjectId() != null) {
            Optional<String> missing = purposes.missingWhenSent(to, entry.subjectId());
            if (missing.isPresent()) {
                return new Prepared(null, "not sent: no current consent to " + missing.get());
            }
        }
        return records.build(entry, to).map(r -> new Prepared(r, null))
                .orElse(new Prepared(null, "its record no longer exists (erased)"));
    }
}
