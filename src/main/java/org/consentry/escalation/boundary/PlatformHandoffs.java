package org.consentry.escalation.boundary;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.util.Optional;
import org.consentry.consent.boundary.CarriedConsent;
import org.consentry.escalation.control.BotOwnership;
import org.consentry.escalation.control.HandoffRate;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.PlatformLink;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * The handoff flow every way in shares, the generic API and the bot platforms' adapters: the same
 * conversation again is the same escalation; a new one is rate-limited per client, needs the subject's
 * consent to support-handoff (carried with the request and recorded with it in one transaction, or
 * current), and stores the customer's fields sealed and the transcript redacted and sealed. A
 * platform's conversation is found again by its conversation id, and the platform must be the one that
 * handed it over.
 */
@ApplicationScoped
public class PlatformHandoffs {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Handoffs handoffs;

    @Inject
    CarriedConsent consents;

    @Inject
    HandoffRate handoffRate;

    @Inject
    Caller caller;

    @Inject
    BotOwnership ownership;

    /** The escalation, and whether this call created it. */
    public record Handed(Escalation escalation, boolean created) {
    }

    /** A handoff from {@code platform} ({@link PlatformLink#API} for the generic API), with the adapter's route back. */
    @WithSpan("consentry.handoff")
    public Handed handOff(String platform, HandoffRequest request, String route) {
        handoffs.checkLimits(request);
        Optional<Escalation> existing = handoffs.existing(request);
        if (existing.isPresent()) {
            handoffRate.report(caller.name());
            return new Handed(owned(platform, existing.get(), request.conversationId()), false);
        }
        handoffRate.take(caller.name());
        try {
            return new Handed(consents.recordThen(request.subjectId(), "support-handoff", request.consent(),
                    () -> handoffs.handOff(request, platform, route)), true);
        } catch (PersistenceException | TransactionalException raced) {
            // the same conversation handed over twice at once: the other request stored it
            return new Handed(handoffs.existing(request).orElseThrow(() -> raced), false);
        }
    }

    /** The customer's message after the handoff, in the platform's conversation. */
    public EscalationMessage customerMessage(String platform, String conversationId, String text) {
        return handoffs.customerMessage(require(platform, conversationId), text);
    }

    /** A message the bot wrote: refused (409 human-holds-conversation) while a human agent holds the conversation. */
    public EscalationMessage botMessage(String platform, String conversationId, String text) {
        return handoffs.botMessage(require(platform, conversationId), text);
    }

    /** The platform's conversation, if the calling platform client handed it over (another's is not there). */
    public Optional<Escalation> byConversation(String platform, String conversationId) {
        return em.createNamedQuery(Escalation.BY_CONVERSATION, Escalation.class)
                .setParameter("conversationId", conversationId).getResultStream().findFirst()
                .filter(e -> e.link().platform().equals(platform)).filter(ownership::isOwner);
    }

    private Escalation require(String platform, String conversationId) {
        return byConversation(platform, conversationId).orElseThrow(() -> new ProblemException(Problems.NOT_FOUND,
                "No escalation for conversation " + conversationId + ".").with("field", "conversationId"));
    }

    /** Another platform's (or the generic API's) conversation of that id is not this platform's to touch. */
    private static Escalation owned(String platform, Escalation escalation, String conversationId) {
        if (!escalation.link().platform().equals(platform)) {
            throw new ProblemException(Handoffs.CONVERSATION_TAKEN, "Conversation " + conversationId
                    + " was handed over another way.").with("field", "conversationId");
        }
        return escalation;
    }
}
