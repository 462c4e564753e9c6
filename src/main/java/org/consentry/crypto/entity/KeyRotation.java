package org.consentry.crypto.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One KEK rotation and how far the re-wrapping of data keys has come. */
@Entity
@Table(name = "key_rotation")
public class KeyRotation {

    public enum Status { RUNNING, DONE, FAILED }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "from_version", nullable = false)
    private int fromVersion;

    @Column(name = "to_version", nullable = false)
    private int toVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private long total;

    @Column(nullable = false)
    private long rewrapped;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "started_by", nullable = false, length = 128)
    private String startedBy;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected KeyRotation() {
    }

    public KeyRotation(int fromVersion, int toVersion, long total, String startedBy, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.fromVersion = fromVersion;
        this.toVersion = toVersion;
        this.status = Status.RUNNING;
        this.total = total;
        this.startedBy = startedBy;
        this.startedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public void progress(long rewrappedNow) {
        rewrapped += rewrappedNow;
    }

    public void finish(Status outcome, Instant at) {
        status = outcome;
        finishedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    public int fromVersion() {
        return fromVersion;
    }

    public int toVersion() {
        return toVersion;
    }

    public Status status() {
        return status;
    }

    public long total() {
        return total;
    }

    public long rewrapped() {
        return rewrapped;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
