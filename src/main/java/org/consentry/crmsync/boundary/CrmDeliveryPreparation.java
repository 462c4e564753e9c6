package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.control.RecipientPurposes;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * What a CRM delivery carries ({@link CrmDeliveries}), built in a transaction of its own before the
 * send: the record, or why nothing is sent any more (the subject's consent withdrawn, the record erased).
 */
@ApplicationScoped
public class CrmDeliveryPreparation {

    @Inject
    CrmRecords records;

    @Inject
    RecipientPurposes purposes;

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
