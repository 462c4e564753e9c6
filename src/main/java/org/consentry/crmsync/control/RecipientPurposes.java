package org.consentry.crmsync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.consentry.consent.control.ConsentDecisions;
import org.consentry.consent.control.ConsentLedger;
import org.consentry.consent.control.Purposes;
import org.consentry.consent.entity.Purpose;

/**
 * Whether every purpose a recipient serves has its lawful basis for a subject right now: checked when
 * a delivery is queued (through the consent cache, as the guard does) and again when it is sent (from
 * the ledger, never the cache: a withdrawal a second ago counts).
 */
@ApplicationScoped
public class RecipientPurposes {

    @Inject
    Purposes purposes;

    @Inject
    ConsentDecisions decisions;

    @Inject
    ConsentLedger ledger;

    /** The first of the recipient's purposes that does not hold for the subject, if any (for a queued delivery). */
    public Optional<String> missingWhenQueued(RecipientSettings recipient, String subjectId) {
        return recipient.purposes().stream().filter(p -> {
            Purpose purpose = purposes.get(p);
            return purpose.requiresConsent() && !decisions.hasCurrentConsent(subjectId, purpose);
        }).findFirst();
    }

    /** Like {@link #missingWhenQueued}, read from the ledger itself, for a delivery about to be sent. */
    public Optional<String> missingWhenSent(RecipientSettings recipient, String subjectId) {
        return recipient.purposes().stream().filter(p -> {
            Purpose purpose = purposes.get(p);
            return purpose.requiresConsent() && !ledger.hasCurrentConsent(subjectId, purpose);
        }).findFirst();
    }
}
