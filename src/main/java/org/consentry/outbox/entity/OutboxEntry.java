package org.consentry.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.consentry.retention.entity.Retained;

/**
 * One delivery to make: what kind, about which subject, which record it refers to, where it goes. Its
 * id is the webhook-id the receiver sees on every attempt. It never holds the personal data it
 * carries: the handler of its kind builds the body when it is sent. Where it stands (status, attempts,
 * lease) is {@link OutboxAttempts}'.
 */
@Entity
@Table(name = "outbox_entry")
@Retained(category = "technical")
public class OutboxEntry extends OutboxAttempts {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 48)
    private String kind;

    @Column(name = "subject_id", length = 128)
    private String subjectId;

    @Column(nullable = false, length = 128)
    private String reference;

    @Column(nullable = false, length = 2048)
    private String target;

    /** Who it goes to: a CRM recipient's id, or the kind's family (callback). Each recipient is a lane of its own. */
    @Column(nullable = false, length = 64)
    private String recipient;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxEntry() {
    }

    /** The recipient (lane) of a kind that names none: what comes before its first dot ("callback.x": callback). */
    public static String laneOf(String kind) {
        return kind.contains(".") ? kind.substring(0, kind.indexOf('.')) : kind;
    }

    public OutboxEntry(String recipient, String kind, String subjectId, String reference, String target, Instant now) {
        super(now);
        this.id = UUID.randomUUID().toString();
        this.recipient = recipient;
        this.kind = kind;
        this.subjectId = subjectId;
        this.reference = reference;
        this.target = target;
        this.createdAt = millis(now);
    }

    /** The subject was erased and the delivery is over: its record no longer names them. */
    public void forgetSubject() {
        subjectId = null;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String subjectId() {
        return subjectId;
    }

    public String reference() {
        return reference;
    }

    public String target() {
        return target;
    }

    public String recipient() {
        return recipient;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public Instant retentionClockStart() {
        return switch (status()) {
            case PENDING -> null; // still to be delivered: kept
            case DELIVERED -> deliveredAt();
            case FAILED, CANCELLED -> lastAttemptAt();
        };
    }
}
