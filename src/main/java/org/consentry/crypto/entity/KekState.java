package org.consentry.crypto.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which KEK version wraps new data keys: one row, shared by every server. */
@Entity
@Table(name = "kek_state")
public class KekState {

    public static final short SINGLETON = 1;

    @Id
    private short id = SINGLETON;

    @Column(name = "primary_version", nullable = false)
    private int primaryVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected KekState() {
    }

    public KekState(int primaryVersion, Instant at) {
        this.primaryVersion = primaryVersion;
        this.updatedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public int primaryVersion() {
        return primaryVersion;
    }

    public void promote(int version, Instant at) {
        if (version <= primaryVersion) {
            throw new IllegalArgumentException("KEK version " + version + " is not newer than " + primaryVersion);
        }
        primaryVersion = version;
        updatedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
