package org.consentry.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A change in the queue that agents are told about (server-sent events), written in the transaction of
 * the change; every server reads the table, so agents on any server see changes made on all of them.
 * {@code data} is JSON without personal data.
 */
@Entity
@Table(name = "escalation_event")
public class EscalationEvent {

    @Id
    @SequenceGenerator(name = "escalation_event_ids", sequenceName = "escalation_event_ids", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escalation_event_ids")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 32)
    private String type;

    @Column(name = "escalation_id", nullable = false, length = 36)
    private String escalationId;

    @Column(nullable = false, length = 1000)
    private String data;

    protected EscalationEvent() {
    }

    public EscalationEvent(String type, String escalationId, String data, Instant now) {
        this.type = type;
        this.escalationId = escalationId;
        this.data = data;
        this.occurredAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public Long id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String escalationId() {
        return escalationId;
    }

    public String data() {
        return data;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
