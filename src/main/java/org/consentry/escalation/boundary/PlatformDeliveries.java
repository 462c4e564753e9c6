package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.control.AgentReply;
import org.consentry.escalation.control.BotPlatform;
import org.consentry.escalation.control.BotPlatforms;
import org.consentry.escalation.control.HandoffStatus;
import org.consentry.escalation.control.PlatformConversation;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.MessageBody;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * Replies and handoff status to escalations a bot platform handed over, through the platform's adapter
 * ({@link BotPlatform}). A reply is opened when it is sent (audited as a callback delivery); one that is
 * gone (erased) is not sent.
 */
@ApplicationScoped
public class PlatformDeliveries {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Inject
    BotPlatforms platforms;

    @Inject
    PlatformDeliveries self;

    /** What a platform delivery needs: the conversation, and the reply or the status. */
    public record Prepared(String platform, PlatformConversation conversation, AgentReply reply, HandoffStatus status) {
    }

    public DeliveryResult reply(OutboxEntry entry) {
        return send(self.reply(entry.reference()));
    }

    public DeliveryResult status(OutboxEntry entry) {
        return send(self.status(entry.reference()));
    }

    private DeliveryResult send(Optional<Prepared> prepared) {
        if (prepared.isEmpty()) {
            return new DeliveryResult.Obsolete("the escalation or reply no longer exists");
        }
        Prepared p = prepared.get();
        Optional<BotPlatform> platform = platforms.of(p.platform());
        if (platform.isEmpty()) {
            return new DeliveryResult.Rejected("no adapter for platform " + p.platform() + " is deployed");
        }
        return p.reply() != null ? platform.get().reply(p.conversation(), p.reply())
                : platform.get().status(p.conversation(), p.status());
    }

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
