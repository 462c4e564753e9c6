package org.consentry.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.consentry.retention.entity.RetainedEntity;

/**
 * Where an {@link Escalation} stands on its way from the bot to a human and back: waiting, assigned to an
 * agent, resolved, with the times of each step. (A claim sets the agent with one conditional UPDATE, so
 * that two servers cannot both win it: AgentTurns.) Its retention clock starts at the resolution, or at
 * the handoff while it is open.
 */
@MappedSuperclass
public abstract class EscalationCourse extends RetainedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EscalationStatus status;

    @Column(length = 128)
    private String agent;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "human_joined_at")
    private Instant humanJoinedAt;

    protected EscalationCourse() {
    }

    /** A new escalation, waiting from now. */
    protected EscalationCourse(Instant now) {
        this.status = EscalationStatus.WAITING;
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public void resolve(Instant at) {
        if (status != EscalationStatus.ASSIGNED) {
            throw new IllegalStateException("only an assigned escalation is resolved");
        }
        status = EscalationStatus.RESOLVED;
        resolvedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean isHeldBy(String user) {
        return status == EscalationStatus.ASSIGNED && user.equals(agent);
    }

    /** Whether an agent may read what the escalation holds: any agent while it waits, then only its agent. */
    public boolean isOpenTo(String user) {
        return status == EscalationStatus.WAITING || isHeldBy(user);
    }

    public EscalationStatus status() {
        return status;
    }

    public String agent() {
        return agent;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant humanJoinedAt() {
        return humanJoinedAt;
    }

    @Override
    public Instant retentionClockStart() {
        return resolvedAt != null ? resolvedAt : createdAt;
    }
}
