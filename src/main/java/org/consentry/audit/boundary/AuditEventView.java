package org.consentry.audit.boundary;

import java.time.Instant;
import org.consentry.audit.entity.AuditEvent;

/** An audit event as the API shows it: no personal data, the subject as its keyed reference. */
public record AuditEventView(long id, Long chainSeq, Instant occurredAt, String actor, String role, String action,
                             String purpose, String subjectRef, String field, String outcome, String detail) {

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id(), e.chainSeq(), e.occurredAt(), e.actor(), e.actorRole(), e.action(),
                e.purpose(), e.subjectRef(), e.field(), e.outcome().name(), e.detail());
    }
}
