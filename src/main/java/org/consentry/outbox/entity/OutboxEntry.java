package org.consentry.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.consentry.retention.entity.Retained;
import org.consentry.retention.entity.RetainedEntity;

/**
 * One delivery to make: what kind, about which subject, which record it refers to, where it goes. Its
 * id is the webhook-id the receiver sees on every attempt. It never holds the personal data it
 * carries: the handler of its kind builds the body when it is sent.
 */
@Entity
@Table(name = "outbox_entry")
@Retained(category = "technical")
public class OutboxEntry extends RetainedEntity {

    public enum Status { PENDING, DELIVERED, FAILED, CANCELLED }

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_owner", length = 64)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_outcome", length = 200)
    private String lastOutcome;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected OutboxEntry() {
    }

    /** The recipient (lane) of a kind that names none: what comes before its first dot ("callback.x": callback). */
    public static String laneOf(String kind) {
        return kind.contains(".") ? kind.substring(0, kind.indexOf('.')) : kind;
    }

    public OutboxEntry(String recipient, String kind, String subjectId, String reference, String target, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.recipient = recipient;
        this.kind = kind;
        this.subjectId = subjectId;
        this.reference = reference;
        this.target = target;
        this.status = Status.PENDING;
        this.createdAt = millis(now);
        this.nextAttemptAt = millis(now);
    }

    /** An attempt ended: delivered, to be retried at {@code next}, or given up. */
    public void attempted(Status outcome, String what, Instant at, Instant next) {
        attempts++;
        status = outcome;
        lastOutcome = what == null || what.length() <= 200 ? what : what.substring(0, 200);
        lastAttemptAt = millis(at);
        leaseOwner = null;
        leaseUntil = null;
        if (outcome == Status.DELIVERED) {
            deliveredAt = millis(at);
        }
        if (next != null) {
            nextAttemptAt = millis(next);
        }
    }

    /** Not to be sent at all any more (its subject was erased). */
    public void cancel(String why, Instant at) {
        status = Status.CANCELLED;
        lastOutcome = why;
        lastAttemptAt = millis(at);
        leaseOwner = null;
        leaseUntil = null;
    }

    /** Not to be sent before {@code at}. */
    public void deferTo(Instant at) {
        if (at.isAfter(nextAttemptAt)) {
            nextAttemptAt = millis(at);
        }
    }

    /** The subject was erased and the delivery is over: its record no longer names them. */
    public void forgetSubject() {
        subjectId = null;
    }

    /** An admin sends a failed delivery again. */
    public void retry(Instant now) {
        status = Status.PENDING;
        nextAttemptAt = millis(now);
    }

    private static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
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

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** Holds the lease of {@code owner} until {@code until} (the owner's own lease, renewed before a send). */
    public void leaseTo(String owner, Instant until) {
        leaseOwner = owner;
        leaseUntil = until;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public String lastOutcome() {
        return lastOutcome;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    @Override
    public Instant retentionClockStart() {
        return switch (status) {
            case PENDING -> null; // still to be delivered: kept
            case DELIVERED -> deliveredAt;
            case FAILED, CANCELLED -> lastAttemptAt;
        };
    }
}
