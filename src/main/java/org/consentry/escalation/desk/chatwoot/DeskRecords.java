package org.consentry.escalation.desk.chatwoot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.boundary.AgentDesk;
import org.consentry.escalation.control.EscalationReasons;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.MessageBody;

/**
 * What the desk reads from and keeps in Consentry's database, each call a transaction of its own (the
 * outbox calls the desk outside any): the masked text of an escalation (opened for the delivery, audited
 * as "desk.chatwoot"), and which Chatwoot conversation holds it.
 */
@ApplicationScoped
public class DeskRecords {

    static final Access ACCESS = Access.of("desk.chatwoot", AgentDesk.PURPOSE);

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Inject
    EscalationReasons reasons;

    @Inject
    Clock clock;

    /** An escalation's masked reason and transcript, as the agent reads them: "Customer: ...", "Bot: ...". */
    public record Masked(String escalationId, String reason, List<String> lines) {
    }

    @Transactional
    public Optional<Masked> masked(String escalationId) {
        Escalation escalation = em.find(Escalation.class, escalationId);
        if (escalation == null) {
            return Optional.empty();
        }
        List<EscalationMessage> messages = em.createNamedQuery(EscalationMessage.OF, EscalationMessage.class)
                .setParameter("escalationId", escalationId).setParameter("after", 0).getResultList();
        List<String> bodies = sealer.openEach(messages, "body", ACCESS);
        List<String> lines = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            lines.add(Transcripts.who(messages.get(i).sender()) + ": " + MessageBody.fromJson(bodies.get(i)).text());
        }
        return Optional.of(new Masked(escalationId, reasons.shown(escalation, ACCESS), lines));
    }

    /** A customer's later message, masked; empty when it is gone (erased). */
    @Transactional
    public Optional<String> maskedMessage(String messageId) {
        EscalationMessage message = em.find(EscalationMessage.class, messageId);
        return message == null ? Optional.empty()
                : Optional.of(MessageBody.fromJson(sealer.open(message, "body", ACCESS)).text());
    }

    @Transactional
    public boolean exists(String escalationId) {
        return em.find(Escalation.class, escalationId) != null;
    }

    @Transactional
    public Optional<Long> conversationOf(String escalationId) {
        return Optional.ofNullable(em.find(DeskConversation.class, escalationId)).map(DeskConversation::conversationId);
    }

    @Transactional
    public Optional<String> escalationOf(long conversationId) {
        return em.createNamedQuery(DeskConversation.BY_CONVERSATION, DeskConversation.class)
                .setParameter("conversation", conversationId).getResultStream().findFirst().map(DeskConversation::escalationId);
    }

    @Transactional
    public void remember(String escalationId, long conversationId) {
        if (em.find(DeskConversation.class, escalationId) == null) {
            em.persist(new DeskConversation(escalationId, conversationId, clock.instant()));
        }
    }
}
