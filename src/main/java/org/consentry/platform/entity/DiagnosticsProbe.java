package org.consentry.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of the diagnostics insert: what a load test sends, nothing personal. */
@Entity
@Table(name = "diagnostics_probe")
public class DiagnosticsProbe {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 200)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DiagnosticsProbe() {
    }

    public DiagnosticsProbe(String text, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.text = text;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }
}
