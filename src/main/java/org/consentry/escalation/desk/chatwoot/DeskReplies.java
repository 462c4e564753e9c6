package org.consentry.escalation.desk.chatwoot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.consentry.escalation.boundary.AgentTurns;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationStatus;

/**
 * What a Chatwoot agent did, done in Consentry as "chatwoot:&lt;agent id&gt;", in one transaction: a reply is
 * recorded with its Chatwoot message id first ({@link AppliedMessage}: a webhook delivered again, even at
 * once, applies nothing twice), the escalation claimed if it still waits, then the reply goes the way every
 * agent's reply goes (to the bot's callback or platform); a resolved conversation resolves the escalation.
 * A conversation Consentry did not open is none of its business: ignored.
 */
@ApplicationScoped
public class DeskReplies {

    static final String AGENT_PREFIX = "chatwoot:";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    DeskRecords records;

    @Inject
    AgentTurns turns;

    @Inject
    Clock clock;

    @Inject
    DeskSettings settings;

    public enum Outcome { APPLIED, DUPLICATE, IGNORED }

    @Transactional
    public Outcome reply(DeskEvent event) {
        Optional<Escalation> escalation = escalationOf(event.conversationId());
        if (escalation.isEmpty()) {
            return Outcome.IGNORED;
        }
        if (applied(event.messageId())) {
            return Outcome.DUPLICATE;
        }
        String id = escalation.get().id();
        em.persist(new AppliedMessage(event.messageId(), id, clock.instant()));
        em.flush(); // a concurrent delivery of the same message waits here, then fails on the key
        String agent = settings.agentFor(event.senderId());
        if (escalation.get().status() == EscalationStatus.WAITING) {
            turns.claim(id, agent);
        }
        turns.reply(id, agent, event.content());
        return Outcome.APPLIED;
    }

    @Transactional
    public Outcome resolve(DeskEvent event) {
        Optional<Escalation> escalation = escalationOf(event.conversationId());
        if (escalation.isEmpty() || escalation.get().status() == EscalationStatus.RESOLVED) {
            return escalation.isEmpty() ? Outcome.IGNORED : Outcome.DUPLICATE;
        }
        String id = escalation.get().id();
        String agent = escalation.get().agent();
        if (escalation.get().status() == EscalationStatus.WAITING || agent == null) {
            agent = AGENT_PREFIX + "desk";
            turns.claim(id, agent);
        }
        turns.resolve(id, agent);
        return Outcome.APPLIED;
    }

    @Transactional
    public boolean applied(long messageId) {
        return em.find(AppliedMessage.class, messageId) != null;
    }

    private Optional<Escalation> escalationOf(long conversationId) {
        return records.escalationOf(conversationId).map(id -> em.find(Escalation.class, id));
    }
}
