package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consentry.audit.entity.Outcome;
import org.consentry.crypto.entity.FieldsOpened;

/**
 * Records every opening of sealed personal data. A successful opening is recorded in the caller's
 * transaction; a failed one (tampering, a destroyed key) at once, since its request will fail.
 */
@ApplicationScoped
public class OpenedFieldsRecorder {

    @Inject
    AuditTrail trail;

    @Inject
    ReasonText reasons;

    void record(@Observes FieldsOpened opened) {
        String detail = opened.table() + " " + opened.rowId()
                + (opened.access().reason() == null ? "" : "; reason: " + reasons.clean(opened.access().reason()));
        AuditEntry entry = new AuditEntry(opened.access().action(), opened.access().purpose(), opened.subjectId(),
                String.join(",", opened.fields()), opened.succeeded() ? Outcome.ALLOWED : Outcome.FAILED, detail);
        if (opened.succeeded()) {
            trail.record(entry);
        } else {
            trail.recordIndependently(entry);
        }
    }
}
