package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import org.consentry.audit.entity.Outcome;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many values an agent may reveal in a window (consentry.reveal.limit per consentry.reveal.window,
 * default 20 per PT10M), counted from the audit, so that every server applies the same count. More
 * looks like bulk extraction: refused (429) and recorded.
 */
@Dependent
public class RevealLimit {

    public static final ProblemType EXCEEDED = new ProblemType("reveal-limit", 429, "Too many reveals");
    public static final String ACTION = "escalation.reveal";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "consentry.reveal.limit", defaultValue = "20")
    int limit;

    @Inject
    @ConfigProperty(name = "consentry.reveal.window", defaultValue = "PT10M")
    Duration window;

    /** Null while the agent is under the limit; otherwise the problem to end the request with. */
    public ProblemException check(String agent) {
        long recent = em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.actor = :agent AND e.action = :action"
                        + " AND e.outcome = :allowed AND e.occurredAt >= :since", Long.class)
                .setParameter("agent", agent).setParameter("action", ACTION).setParameter("allowed", Outcome.ALLOWED)
                .setParameter("since", clock.instant().minus(window)).getSingleResult();
        if (recent < limit) {
            return null;
        }
        return new ProblemException(EXCEEDED, "You revealed " + recent + " values in the last " + window
                + "; the limit is " + limit + ". Your reveals are recorded for review.")
                .with("limit", limit).with("retryAfterSeconds", window.getSeconds());
    }
}
