package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consentry.audit.entity.Outcome;
import org.consentry.crypto.entity.KeyOperation;

/** Records key operations (rotations, re-wrapping) in the transaction that did them. */
@ApplicationScoped
public class KeyOperationsRecorder {

    @Inject
    AuditTrail trail;

    void record(@Observes KeyOperation operation) {
        AuditEntry entry = AuditEntry.of(operation.action(), operation.succeeded() ? Outcome.DONE : Outcome.FAILED)
                .detail(operation.detail());
        if (operation.job() == null) {
            trail.record(entry);
        } else {
            trail.recordAs(operation.job(), entry);
        }
    }
}
