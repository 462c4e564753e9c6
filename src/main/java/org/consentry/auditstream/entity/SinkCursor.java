package org.consentry.auditstream.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * How far an audit sink has been fed: the chain position shipped last, and where and when the last
 * signed checkpoint went out. Moves forward only, and only after the sink has taken what it names.
 */
@Entity
@Table(name = "audit_sink_cursor")
public class SinkCursor {

    @Id
    @Column(length = 64)
    private String sink;

    @Column(name = "shipped_seq", nullable = false)
    private long shippedSeq;

    @Column(name = "shipped_at")
    private Instant shippedAt;

    @Column(name = "checkpoint_seq", nullable = false)
    private long checkpointSeq;

    @Column(name = "checkpoint_at")
    private Instant checkpointAt;

    protected SinkCursor() {
    }

    /** A new sink starts at the chain's start: it receives the whole trail. */
    public SinkCursor(String sink, Instant now) {
        this.sink = sink;
        this.checkpointAt = now;
    }

    public String sink() {
        return sink;
    }

    public long shippedSeq() {
        return shippedSeq;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public long checkpointSeq() {
        return checkpointSeq;
    }

    public Instant checkpointAt() {
        return checkpointAt;
    }

    /** The sink has taken everything up to {@code seq}; {@code checkpointSeq} when a checkpoint went with it. */
    public void shipped(long seq, Instant at, Long checkpointSeqSent, Instant checkpointSentAt) {
        if (seq < shippedSeq) {
            throw new IllegalStateException("a sink's cursor moves forward only: " + shippedSeq + " -> " + seq);
        }
        shippedSeq = seq;
        shippedAt = at;
        if (checkpointSeqSent != null) {
            checkpointSeq = checkpointSeqSent;
            checkpointAt = checkpointSentAt;
        }
    }
}
