package org.consentry.escalation.desk.chatwoot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Chatwoot message already applied to an escalation (an agent's reply taken over): its id is the primary
 * key, so a webhook that Chatwoot delivers again, even at the same moment, applies it once. Ids only.
 */
@Entity
@Table(name = "desk_chatwoot_applied")
public class AppliedMessage {

    @Id
    @Column(name = "message_id")
    private long messageId;

    @Column(name = "escalation_id", nullable = false, length = 36)
    private String escalationId;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    protected AppliedMessage() {
    }

    AppliedMessage(long messageId, String escalationId, Instant appliedAt) {
        this.messageId = messageId;
        this.escalationId = escalationId;
        this.appliedAt = appliedAt;
    }
}
