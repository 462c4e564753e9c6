package org.consentry.escalation.desk.chatwoot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Which Chatwoot conversation holds an escalation. Consentry's own record, not the conversation's custom
 * attribute, decides where a webhook's reply goes: an agent can edit a custom attribute in Chatwoot.
 * Ids only, no personal data.
 */
@Entity
@Table(name = "desk_chatwoot_conversation")
@NamedQuery(name = DeskConversation.BY_CONVERSATION,
        query = "SELECT c FROM DeskConversation c WHERE c.conversationId = :conversation")
public class DeskConversation {

    static final String BY_CONVERSATION = "DeskConversation.byConversation";

    @Id
    @Column(name = "escalation_id", length = 36)
    private String escalationId;

    @Column(name = "conversation_id", nullable = false, unique = true)
    private long conversationId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    protected DeskConversation() {
    }

    DeskConversation(String escalationId, long conversationId, Instant openedAt) {
        this.escalationId = escalationId;
        this.conversationId = conversationId;
        this.openedAt = openedAt;
    }

    String escalationId() {
        return escalationId;
    }

    long conversationId() {
        return conversationId;
    }
}
