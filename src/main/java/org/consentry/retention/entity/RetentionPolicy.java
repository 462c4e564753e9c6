package org.consentry.retention.entity;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long a category's rows are kept and what happens to them then, as in force now: the configured
 * default, or a CRM admin's override ({@code source} "admin", with who changed it when).
 */
public record RetentionPolicy(String category, Period period, RetentionAction action, RetentionStart starts,
                              String source, Instant updatedAt, String updatedBy) {

    /** When a row whose clock started at {@code start} must go (calendar arithmetic in UTC). */
    public Instant until(Instant start) {
        return start == null ? null : start.atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }
}
