package org.consentry.crypto.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A subject's data key, wrapped by one KEK version. Removing the row shreds the subject's data. */
@Entity
@Table(name = "subject_key")
public class SubjectKey {

    @Id
    @Column(name = "subject_id", length = 128)
    private String subjectId;

    @Column(name = "kek_version", nullable = false)
    private int kekVersion;

    @Column(nullable = false)
    private byte[] wrapped;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "rewrapped_at")
    private Instant rewrappedAt;

    protected SubjectKey() {
    }

    public SubjectKey(String subjectId, int kekVersion, byte[] wrapped, Instant createdAt) {
        this.subjectId = subjectId;
        this.kekVersion = kekVersion;
        this.wrapped = wrapped.clone();
        this.createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public void rewrap(int version, byte[] newlyWrapped, Instant at) {
        this.kekVersion = version;
        this.wrapped = newlyWrapped.clone();
        this.rewrappedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public String subjectId() {
        return subjectId;
    }

    public int kekVersion() {
        return kekVersion;
    }

    public byte[] wrapped() {
        return wrapped.clone();
    }
}
