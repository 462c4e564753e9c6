package org.consentry.consent.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;
import org.consentry.consent.control.ConsentLedger;
import org.consentry.consent.control.Purposes;
import org.consentry.platform.control.Caller;

/**
 * A consent that travels inside the request it is for (a bot's handoff, a lead): recorded first, then
 * the guarded work runs in the same transaction, so its guard sees the consent and a failure of either
 * leaves neither. This is how a bot records the first consent of a subject (see {@code GrantScope}).
 */
@ApplicationScoped
@Transactional
public class CarriedConsent {

    @Inject
    ConsentLedger ledger;

    @Inject
    Purposes purposes;

    @Inject
    Caller caller;

    /** Records {@code consent} (when there is one) to the purpose, then does the work. */
    public <T> T recordThen(String subjectId, String purpose, ConsentGrantRequest consent, Supplier<T> work) {
        if (consent != null) {
            ledger.grant(subjectId, purposes.get(purpose),
                    new ConsentLedger.Grant(consent.noticeVersion(), consent.channel(), consent.evidence()), caller.name());
        }
        return work.get();
    }
}
