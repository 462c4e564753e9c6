package org.consentry.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The trace a delivery belongs to: the W3C traceparent of the request that enqueued it, stored only
 * while tracing is on (the column holds ids of the trace, nothing of the request).
 */
@Entity
@Table(name = "outbox_trace")
public class OutboxTrace {

    @Id
    @Column(name = "entry_id", length = 36)
    private String entryId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "entry_id")
    private OutboxEntry entry;

    @Column(name = "trace_parent", nullable = false, length = 55)
    private String traceParent;

    protected OutboxTrace() {
    }

    public OutboxTrace(OutboxEntry entry, String traceParent) {
        this.entry = entry;
        this.entryId = entry.id();
        this.traceParent = traceParent;
    }

    public String traceParent() {
        return traceParent;
    }
}
