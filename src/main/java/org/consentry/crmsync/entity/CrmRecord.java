package org.consentry.crmsync.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a delivery carries, after minimisation, independent of the connector's wire format. Absent
 * fields were dropped by the recipient's policy. {@code subjectRef} is the subject's pseudonymous
 * reference (a keyed hash, the same for every recipient), for recipients that must not get the id.
 */
public record CrmRecord(Type type, String deliveryId, String subjectId, String subjectRef, Map<String, String> contact,
                        CrmCase crmCase, String erasureRequestId, Consent consent, Instant occurredAt) {

    /**
     * CONTACT: a lead's contact to upsert; CASE: a resolved case (with its contact); ERASE: erase the
     * subject (Art. 17/19); CONSENT: the subject granted or withdrew a purpose the recipient serves;
     * ERASURE_COMPLETED: an erasure finished everywhere (only to event buses; no subject id, only its
     * reference).
     */
    public enum Type { CONTACT, CASE, ERASE, CONSENT, ERASURE_COMPLETED }

    /** A resolved escalation: its redacted transcript, never the raw one. */
    public record CrmCase(String escalationId, String conversationId, String language, String reason, String agent,
                          Instant openedAt, Instant resolvedAt, List<Line> transcript) {
    }

    public record Line(String from, Instant at, String text) {
    }

    /** A consent change: the purpose, whether it now holds, when it changed. */
    public record Consent(String purpose, boolean granted, Instant at) {
    }
}
