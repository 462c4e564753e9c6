package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.escalation.control.EscalationFeed;
import org.consentry.escalation.control.HandoffLimits;
import org.consentry.escalation.control.HandoffStatus;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.EscalationResolved;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.escalation.entity.MessageBody;
import org.consentry.escalation.entity.PiiToken;
import org.consentry.escalation.entity.Sender;
import org.consentry.outbox.control.Outbox;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.consentry.retention.control.RetentionStamps;

/**
 * An agent's turns in a conversation, by an explicit agent identity: claiming it, writing to the
 * customer, resolving it. Consentry's desk acts as the signed-in agent; a helpdesk integration (agents
 * in Chatwoot) as {@code chatwoot:<agent>}. A reply goes to the bot through the outbox: to its callback
 * URL, or its platform's way (a Bot Framework activity, Rasa's callback channel...); a platform also
 * hears when a human joined and when the human part ended.
 */
@ApplicationScoped
@Transactional
public class AgentTurns {

    /** The handoff's status for a bot platform: reference {@code <escalation id>:<ACCEPTED|COMPLETED|FAILED>}. */
    public static final String STATUS_KIND = "callback.handoff-status";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    RetentionStamps stamps;

    @Inject
    EscalationFeed feed;

    @Inject
    HandoffLimits limits;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    Event<EscalationResolved> resolutions;

    /**
     * Exactly one agent wins: the database changes a WAITING row to ASSIGNED once. Who won is read back
     * from the row (with JDBC batch writing an update's count is not to be trusted).
     */
    public Views.Claimed claim(String id, String agent) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        em.createQuery("UPDATE Escalation e SET e.status = :assigned, e.agent = :agent, e.claimedAt = :now,"
                        + " e.humanJoinedAt = :now"
                        + " WHERE e.id = :id AND e.status = :waiting")
                .setParameter("assigned", EscalationStatus.ASSIGNED).setParameter("agent", agent)
                .setParameter("now", now).setParameter("id", id)
                .setParameter("waiting", EscalationStatus.WAITING).executeUpdate();
        Escalation escalation = em.find(Escalation.class, id);
        if (escalation == null) {
            throw notFound(id);
        }
        em.refresh(escalation);
        if (!escalation.isHeldBy(agent)) {
            throw new ProblemException(AgentDesk.TAKEN, "Escalation " + id + " is no longer waiting.");
        }
        if (escalation.claimedAt() != null && escalation.claimedAt().isBefore(now)) {
            return new Views.Claimed(id, escalation.status().name(), agent); // claimed by this agent before: no news
        }
        feed.publish(EscalationFeed.CLAIMED, escalation);
        status(escalation, HandoffStatus.ACCEPTED);
        audit.record(new AuditEntry("escalation.claim", AgentDesk.PURPOSE, escalation.subjectId(), null, Outcome.DONE,
                "escalation " + id + (agent.contains(":") ? " by " + agent : "")));
        return new Views.Claimed(id, escalation.status().name(), agent);
    }

    /** The assigned agent writes to the customer: stored sealed, sent to the bot through the outbox. */
    public Views.AgentMessage reply(String id, String agent, String text) {
        limits.text("text", text);
        Escalation locked = held(id, agent, LockModeType.PESSIMISTIC_WRITE);
        limits.another(locked.messageCount());
        EscalationMessage message = new EscalationMessage(locked, Sender.AGENT, agent, clock.instant(),
                new MessageBody(text, List.of()).toJson());
        em.persist(message);
        String delivery = "poll";
        if (locked.link().viaPlatform()) {
            outbox.enqueue(AgentDesk.CALLBACK_KIND, locked.subjectId(), message.id(), "platform:" + locked.link().platform());
            delivery = locked.link().platform();
        } else if (locked.callbackUrl() != null) {
            outbox.enqueue(AgentDesk.CALLBACK_KIND, locked.subjectId(), message.id(), locked.callbackUrl());
            delivery = "callback";
        }
        feed.publish(EscalationFeed.MESSAGE, locked);
        return new Views.AgentMessage(message.id(), message.seq(), delivery);
    }

    /** Ends the agent's part: the bot answers again, the agent's access ends, the CRM sync may start. */
    public Views.Claimed resolve(String id, String agent) {
        Escalation locked = held(id, agent, LockModeType.PESSIMISTIC_WRITE);
        locked.resolve(clock.instant());
        // the transcript is kept for its period from the conversation's close, not from each message
        stamps.restart(EscalationMessage.class, "escalation_id", locked.id(), locked.resolvedAt());
        stamps.restart(PiiToken.class, "escalation_id", locked.id(), locked.resolvedAt());
        feed.publish(EscalationFeed.RESOLVED, locked);
        status(locked, HandoffStatus.COMPLETED);
        audit.record(new AuditEntry("escalation.resolve", AgentDesk.PURPOSE, locked.subjectId(), null, Outcome.DONE,
                "escalation " + id + (agent.contains(":") ? " by " + agent : "")));
        resolutions.fire(new EscalationResolved(locked.id(), locked.subjectId()));
        return new Views.Claimed(id, locked.status().name(), locked.agent());
    }

    /** A bot platform hears of the handoff's progress; the generic API's bots read it from the answers. */
    private void status(Escalation escalation, HandoffStatus status) {
        if (escalation.link().viaPlatform()) {
            outbox.enqueue(STATUS_KIND, escalation.subjectId(), escalation.id() + ":" + status.name(),
                    "platform:" + escalation.link().platform());
        }
    }

    /** The escalation, if {@code agent} holds it (admins neither reveal nor reply). */
    private Escalation held(String id, String agent, LockModeType lock) {
        Escalation e = em.find(Escalation.class, id);
        if (e == null || !e.isHeldBy(agent)) {
            throw notFound(id);
        }
        return em.find(Escalation.class, id, lock);
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problems.NOT_FOUND, "No escalation " + id + " for you.");
    }
}
