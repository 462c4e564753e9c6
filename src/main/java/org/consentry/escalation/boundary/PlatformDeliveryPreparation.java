package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.boundary.PlatformDeliveries.Prepared;
import org.consentry.escalation.control.AgentReply;
import org.consentry.escalation.control.HandoffStatus;
import org.consentry.escalation.control.PlatformConversation;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.MessageBody;

/**
 * What a delivery to a bot platform carries ({@link PlatformDeliveries}), read in a transaction of its
 * own before the send: the conversation, and the reply (opened, audited as a callback delivery) or the
 * handoff's status; empty when the escalation or reply is gone.
 */
@ApplicationScoped
public class PlatformDeliveryPreparation {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Transactional
    public Optional<Prepared> reply(String messageId) {
        EscalationMessage message = em.find(EscalationMessage.class, messageId);
        Escalation escalation = message == null ? null : em.find(Escalation.class, message.escalationId());
        if (escalation == null) {
            return Optional.empty();
        }
        String text = MessageBody.fromJson(sealer.open(message, "body", Access.of("callback.deliver", AgentDesk.PURPOSE))).text();
        return Optional.of(new Prepared(escalation.link().platform(), conversation(escalation),
                new AgentReply(message.id(), message.seq(), message.author(), text, message.sentAt()), null));
    }

    @Transactional
    public Optional<Prepared> status(String reference) {
        int colon = reference.lastIndexOf(':');
        Escalation escalation = em.find(Escalation.class, reference.substring(0, colon));
        if (escalation == null) {
            return Optional.empty();
        }
        return Optional.of(new Prepared(escalation.link().platform(), conversation(escalation), null,
                HandoffStatus.valueOf(reference.substring(colon + 1))));
    }

    private static PlatformConversation conversation(Escalation e) {
        return new PlatformConversation(e.id(), e.conversationId(), e.subjectId(), e.language(), e.link().route());
    }
}
