package org.consentry.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The retention stamp of a {@link Retained} entity: when its clock started and when the row must go,
 * both set by the RetentionListener, never by the entity itself.
 */
@MappedSuperclass
public abstract class RetainedEntity implements RetainedRow {

    @Column(name = "retention_start")
    private Instant retentionStart;

    @Column(name = "retain_until")
    private Instant retainUntil;

    @Override
    public Instant retentionStart() {
        return retentionStart;
    }

    @Override
    public Instant retainUntil() {
        return retainUntil;
    }

    @Override
    public void retain(Instant start, Instant until) {
        this.retentionStart = start;
        this.retainUntil = until;
    }
}
