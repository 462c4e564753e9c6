package org.consentry.crmsync.boundary;

import org.consentry.crypto.entity.DataSubject;

/** A resolved escalation on its way to the CRM: the guard finds its subject here. */
public record ResolvedCase(String escalationId, String subjectId) implements DataSubject {
}
