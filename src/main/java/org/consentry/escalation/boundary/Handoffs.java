package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.consentry.consent.boundary.RequiresConsent;
import org.consentry.escalation.control.BotOwnership;
import org.consentry.escalation.control.CallbackTargets;
import org.consentry.escalation.control.EscalationFeed;
import org.consentry.escalation.control.EscalationReasons;
import org.consentry.escalation.control.HandoffLimits;
import org.consentry.escalation.control.TranscriptSealing;
import org.consentry.escalation.entity.AiDisclosure;
import jakarta.enterprise.event.Event;
import org.consentry.escalation.entity.CustomerMessaged;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.PlatformLink;
import org.consentry.escalation.entity.EscalationHandedOff;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.escalation.entity.Sender;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;

/**
 * The bot's side: handing a conversation over and forwarding the customer's later messages. Both move
 * personal data for the purpose support-handoff, so both are guarded; without a current consent nothing
 * is stored.
 */
@ApplicationScoped
@Transactional
public class Handoffs {

    public static final ProblemType CONVERSATION_TAKEN = new ProblemType("conversation-conflict", 409,
            "The conversation was escalated for another subject");
    public static final ProblemType RESOLVED = new ProblemType("escalation-resolved", 409,
            "The escalation is resolved");
    public static final ProblemType HUMAN_HOLDS = new ProblemType("human-holds-conversation", 409,
            "A human agent holds the conversation: the bot stays silent");

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    TranscriptSealing sealing;

    @Inject
    CallbackTargets callbacks;

    @Inject
    HandoffLimits limits;

    @Inject
    EscalationFeed feed;

    @Inject
    EscalationReasons reasons;

    @Inject
    Caller caller;

    @Inject
    BotOwnership ownership;

    @Inject
    Clock clock;

    @Inject
    Event<EscalationHandedOff> handedOff;

    @Inject
    Event<CustomerMessaged> customerMessaged;

    /**
     * The configured limits of a handoff (messages in the transcript, characters in each). PlatformHandoffs,
     * the one way into {@link #handOff}, checks them before anything else, a repeat of a stored conversation
     * included, so that the API's documented bounds hold for every request (RequestBoundsIT).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkLimits(HandoffRequest request) {
        limits.transcript(request.transcript().size());
        for (int i = 0; i < request.transcript().size(); i++) {
            limits.text("transcript[" + i + "].text", request.transcript().get(i).text());
        }
    }

    /**
     * A handoff through a bot platform's adapter (or the API, {@link PlatformLink#API}): replies and status go
     * back through it, to {@code route}. Its limits were checked by the caller ({@link #checkLimits}).
     */
    @RequiresConsent("support-handoff")
    public Escalation handOff(HandoffRequest request, String platform, String route) {
        String callback = callbacks.check(request.callbackUrl()).orElse(null);
        var customer = request.customer();
        Escalation escalation = new Escalation(request.conversationId(), request.subjectId(), caller.name(),
                request.language(), callback, customer.name(), customer.email(), customer.phone(),
                AiDisclosure.of(request.aiDisclosureShown()), clock.instant());
        escalation.connect(platform, route);
        em.persist(escalation);
        TranscriptSealing.Conversation conversation = sealing.of(escalation);
        reasons.seal(escalation, conversation, request.reason());
        for (TranscriptLine line : request.transcript()) {
            em.persist(new EscalationMessage(escalation, line.from() == From.BOT ? Sender.BOT : Sender.CUSTOMER, null,
                    line.at(), conversation.redact(line.text()).toJson()));
        }
        feed.publish(EscalationFeed.WAITING, escalation);
        handedOff.fire(new EscalationHandedOff(escalation.id()));
        return escalation;
    }

    /**
     * The escalation the bot made for a conversation, if any. Another bot client's conversation of that id
     * is a conflict that says nothing of it (not its id, status or subject); a different subject is a conflict.
     */
    public Optional<Escalation> existing(HandoffRequest request) {
        return em.createNamedQuery(Escalation.BY_CONVERSATION, Escalation.class)
                .setParameter("conversationId", request.conversationId()).getResultStream().findFirst()
                .map(found -> {
                    if (!ownership.isOwner(found)) {
                        throw new ProblemException(CONVERSATION_TAKEN, "Conversation " + request.conversationId()
                                + " was handed over another way.").with("field", "conversationId");
                    }
                    if (!found.subjectId().equals(request.subjectId())) {
                        throw new ProblemException(CONVERSATION_TAKEN, "Conversation " + request.conversationId()
                                + " was escalated for another subject.").with("field", "conversationId");
                    }
                    return found;
                });
    }

    /** The calling bot's own escalation; any other is 404, as if it did not exist ({@link BotOwnership}). */
    public Escalation find(String id) {
        return ownership.owned(id);
    }

    /** A message the customer wrote after the handoff; the answer says who holds the conversation. */
    @RequiresConsent("support-handoff")
    public EscalationMessage customerMessage(Escalation escalation, String text) {
        limits.text("text", text);
        Escalation locked = em.find(Escalation.class, escalation.id(), LockModeType.PESSIMISTIC_WRITE);
        if (locked.status() == EscalationStatus.RESOLVED) {
            throw new ProblemException(RESOLVED, "Escalation " + locked.id() + " is resolved: the bot answers again.");
        }
        limits.another(locked.messageCount());
        EscalationMessage message = new EscalationMessage(locked, Sender.CUSTOMER, null, clock.instant(),
                sealing.of(locked).redact(text).toJson());
        em.persist(message);
        feed.publish(EscalationFeed.MESSAGE, locked);
        customerMessaged.fire(new CustomerMessaged(locked.id(), message.id()));
        return message;
    }

    /**
     * A message the bot itself wrote into the conversation: refused while a human agent holds it (the
     * bot is silenced once a human joined); kept, redacted, while the escalation waits.
     */
    @RequiresConsent("support-handoff")
    public EscalationMessage botMessage(Escalation escalation, String text) {
        limits.text("text", text);
        Escalation locked = em.find(Escalation.class, escalation.id(), LockModeType.PESSIMISTIC_WRITE);
        if (locked.status() == EscalationStatus.RESOLVED) {
            throw new ProblemException(RESOLVED, "Escalation " + locked.id() + " is resolved: the bot answers again.");
        }
        if (locked.status() == EscalationStatus.ASSIGNED) {
            throw new ProblemException(HUMAN_HOLDS, "Escalation " + locked.id() + " is held by a human agent since "
                    + locked.humanJoinedAt() + ": the bot does not answer in it.");
        }
        limits.another(locked.messageCount());
        EscalationMessage message = new EscalationMessage(locked, Sender.BOT, null, clock.instant(),
                sealing.of(locked).redact(text).toJson());
        em.persist(message);
        feed.publish(EscalationFeed.MESSAGE, locked);
        return message;
    }
}
