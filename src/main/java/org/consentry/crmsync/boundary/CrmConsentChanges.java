package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.consent.control.ConsentChanged;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.control.Recipients;
import org.consentry.outbox.control.Outbox;

/**
 * A consent change reaches the recipients that serve its purpose, in the changing transaction: a
 * withdrawal cancels what was still pending for them (contacts, cases) and tells each recipient that
 * may hold the subject's data for that purpose, the recipient's own way (its connector); an event bus
 * hears of every grant and withdrawal. An erasure's end of the consents is left to the erasure notice.
 * Audited as crm.consent with the deliveries cancelled and the recipients told.
 */
@ApplicationScoped
public class CrmConsentChanges {

    private static final List<String> DATA = List.of(CrmRecords.CONTACT, CrmRecords.CASE);

    @Inject
    Recipients recipients;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    void changed(@Observes ConsentChanged change) {
        if (change.change() == ConsentChanged.Change.ERASED) {
            return;
        }
        boolean granted = change.change() == ConsentChanged.Change.GRANTED;
        List<String> cancelled = new ArrayList<>();
        List<String> told = new ArrayList<>();
        for (RecipientSettings to : recipients.serving(change.purpose())) {
            boolean heldData = !granted && outbox.reached(to.id(), change.subjectId(), DATA);
            if (!granted) {
                outbox.cancelPending(to.id(), change.subjectId(), DATA, "cancelled: consent to " + change.purpose()
                        + " withdrawn").forEach(id -> cancelled.add(to.id() + " " + id));
            }
            if (heldData || recipients.connector(to).isEventBus()) {
                outbox.enqueueTo(to.id(), CrmRecords.CONSENT, change.subjectId(),
                        CrmRecords.consentReference(change.recordId(), granted), to.target(), null);
                told.add(to.id());
            }
        }
        if (!cancelled.isEmpty() || !told.isEmpty()) {
            audit.record(new AuditEntry("crm.consent", change.purpose(), change.subjectId(), null, Outcome.DONE,
                    (granted ? "granted" : "withdrawn") + "; cancelled " + (cancelled.isEmpty() ? "none" : cancelled)
                            + "; recipients told " + (told.isEmpty() ? "none" : told)));
        }
    }
}
