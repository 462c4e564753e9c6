package org.consentry.retention.entity;

import java.time.Instant;

/**
 * A row that knows when it must go. The entity says when its clock starts; the RetentionListener
 * stamps retentionStart and retainUntil from its category's policy on insert and on every update.
 */
public interface RetainedRow {

    /**
     * When the retention period starts by the entity's own state (collected, resolved, ended), or null
     * while it has not started (an outbox entry still being delivered). Ignored for categories whose
     * clock starts when the customer relationship ends: that is signalled from outside.
     */
    Instant retentionClockStart();

    Instant retentionStart();

    Instant retainUntil();

    void retain(Instant start, Instant until);

    /** The data subject the row belongs to, or null for a row that belongs to no one (anonymised). */
    String subjectId();
}
