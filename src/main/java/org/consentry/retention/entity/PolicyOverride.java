package org.consentry.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/** A CRM admin's retention for a category, in place of the configured default. */
@Entity
@Table(name = "retention_policy")
public class PolicyOverride {

    @Id
    @Column(length = 32)
    private String category;

    @Column(nullable = false, length = 32)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private RetentionAction action;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 128)
    private String updatedBy;

    @Column(length = 1)
    private String restamp;

    protected PolicyOverride() {
    }

    public PolicyOverride(String category) {
        this.category = category;
    }

    public void set(Period period, RetentionAction action, String by, Instant at) {
        this.period = period.toString();
        this.action = action;
        this.updatedBy = by;
        this.updatedAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.restamp = "Y";
    }

    public String category() {
        return category;
    }

    public Period period() {
        return Period.parse(period);
    }

    public RetentionAction action() {
        return action;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public boolean restampPending() {
        return "Y".equals(restamp);
    }
}
