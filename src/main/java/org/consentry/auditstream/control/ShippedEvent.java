package org.consentry.auditstream.control;

import java.time.Instant;
import org.consentry.audit.entity.AuditEvent;

/**
 * An audit event as the sinks receive it: the members the API's event view shows (no personal data, the
 * subject as its keyed reference), plus the link's hash and key version, so that a receiver can match a
 * checkpoint's head hash against the event at its position. {@code seq} is the chain position: the
 * receiver's key for removing a duplicate (delivery is at least once).
 */
public record ShippedEvent(long seq, long id, Instant occurredAt, String actor, String role, String action,
                           String purpose, String subjectRef, String field, String outcome, String detail,
                           int keyVersion, String hash) {

    static ShippedEvent of(AuditEvent e) {
        return new ShippedEvent(e.chainSeq(), e.id(), e.occurredAt(), e.actor(), e.actorRole(), e.action(),
                e.purpose(), e.subjectRef(), e.field(), e.outcome().name(), e.detail(), e.keyVersion(), e.hash());
    }
}
