package org.consentry.escalation.boundary;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.MessageBody;

/**
 * The JSON body of an agent's reply for the bot's callback ({@link AgentReplyCallbacks}), read in a
 * transaction of its own before the send: the reply opened (audited as a callback delivery), or empty
 * when it is gone.
 */
@ApplicationScoped
public class CallbackBodies {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Transactional
    public Optional<String> of(String messageId) {
        EscalationMessage message = em.find(EscalationMessage.class, messageId);
        if (message == null) {
            return Optional.empty();
        }
        Escalation escalation = em.find(Escalation.class, message.escalationId());
        String text = MessageBody.fromJson(sealer.open(message, "body", Access.of("callback.deliver", AgentDesk.PURPOSE))).text();
        return Optional.of(JSON.createObjectBuilder()
                .add("type", "agent.message")
                .add("escalationId", escalation.id())
                .add("conversationId", escalation.conversationId())
                .add("messageId", message.id())
                .add("seq", message.seq())
                .add("agent", message.author())
                .add("text", text)
                .add("sentAt", message.sentAt().toString())
                .build().toString());
    }
}
