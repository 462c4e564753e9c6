package org.consentry.audit.control;

import org.consentry.audit.entity.Outcome;

/**
 * What to record. {@code subjectId} is turned into a keyed reference before it is stored;
 * {@code detail} must hold no personal data (ids, counts, names of fields and rules only).
 */
public record AuditEntry(String action, String purpose, String subjectId, String field, Outcome outcome, String detail) {

    public static AuditEntry of(String action, Outcome outcome) {
        return new AuditEntry(action, null, null, null, outcome, null);
    }

    public AuditEntry purpose(String value) {
        return new AuditEntry(action, value, subjectId, field, outcome, detail);
    }

    public AuditEntry subject(String value) {
        return new AuditEntry(action, purpose, value, field, outcome, detail);
    }

    public AuditEntry field(String value) {
        return new AuditEntry(action, purpose, subjectId, value, outcome, detail);
    }

    public AuditEntry detail(String value) {
        return new AuditEntry(action, purpose, subjectId, field, outcome, value);
    }
}
