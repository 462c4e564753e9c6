package org.consentry.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.consentry.retention.entity.RetainedEntity;

/**
 * Where a delivery stands: its status, its attempts and their last outcome, when it is due next, and
 * which worker holds its lease. The columns of {@link OutboxEntry}'s table.
 */
@MappedSuperclass
public abstract class OutboxAttempts extends RetainedEntity {

    public enum Status { PENDING, DELIVERED, FAILED, CANCELLED }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(nullable = false)
    private int attempts;

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

    protected OutboxAttempts() {
    }

    /** Pending, due at {@code now}. */
    protected OutboxAttempts(Instant now) {
        this.status = Status.PENDING;
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

    /** An admin sends a failed delivery again. */
    public void retry(Instant now) {
        status = Status.PENDING;
        nextAttemptAt = millis(now);
    }

    /** Holds the lease of {@code owner} until {@code until} (the owner's own lease, renewed before a send). */
    public void leaseTo(String owner, Instant until) {
        leaseOwner = owner;
        leaseUntil = until;
    }

    protected static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
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
}
