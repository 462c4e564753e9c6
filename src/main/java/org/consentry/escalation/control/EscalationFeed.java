package org.consentry.escalation.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationEvent;

/** Writes the queue's changes for agents (in the caller's transaction) and reads them back in order. */
@Dependent
public class EscalationFeed {

    public static final String WAITING = "escalation.waiting";
    public static final String CLAIMED = "escalation.claimed";
    public static final String RESOLVED = "escalation.resolved";
    public static final String MESSAGE = "escalation.message";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * No personal data: ids, status, language, counts and times. The reason is sealed with its
     * escalation and added as an event is sent, for those who may read it (EventAudience).
     */
    public void publish(String type, Escalation e) {
        String data = JSON.createObjectBuilder()
                .add("id", e.id())
                .add("status", e.status().name())
                .add("language", e.language())
                .add("messageCount", e.messageCount())
                .add("createdAt", e.createdAt().toString())
                .build().toString();
        em.persist(new EscalationEvent(type, e.id(), data, clock.instant()));
    }

    /** Events after {@code afterId}, oldest first. */
    public List<EscalationEvent> after(long afterId, int max) {
        return em.createQuery("SELECT e FROM EscalationEvent e WHERE e.id > :after ORDER BY e.id", EscalationEvent.class)
                .setParameter("after", afterId).setMaxResults(max).getResultList();
    }

    public long newestId() {
        Long newest = em.createQuery("SELECT MAX(e.id) FROM EscalationEvent e", Long.class).getSingleResult();
        return newest == null ? 0 : newest;
    }

    /** Drops events older than {@code before} (they only serve clients that reconnect). */
    public int prune(Instant before) {
        return em.createQuery("DELETE FROM EscalationEvent e WHERE e.occurredAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}
