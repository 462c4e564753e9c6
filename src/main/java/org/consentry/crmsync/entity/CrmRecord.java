package org.consentry.crmsync.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a delivery carries, after minimisation, independent of the connector's wire format. Absent
 * fields were dropped by the policy.
 */
public record CrmRecord(Type type, String deliveryId, String subjectId, Map<String, String> contact, CrmCase crmCase,
                        String erasureRequestId, Instant occurredAt) {

    public enum Type { CONTACT, CASE, ERASE }

    /** A resolved escalation: its redacted transcript, never the raw one. */
    public record CrmCase(String escalationId, String conversationId, String language, String reason, String agent,
                          Instant openedAt, Instant resolvedAt, List<Line> transcript) {
    }

    public record Line(String from, Instant at, String text) {
    }
}
