package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.consentry.escalation.entity.Escalation;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * Which escalations the signed-in agent's claims open to them. Object-level authorisation: an
 * escalation exists for an agent only while it is assigned to that agent; anything else is 404, the
 * same on every path, so that no agent learns of another's conversations. Admins may read any
 * escalation, never reveal or reply.
 */
@Dependent
public class Claims {

    /** The purpose the agents' work on escalations serves. */
    public static final String PURPOSE = "support-handoff";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Caller caller;

    /** The escalation, if the caller may read it: its assigned agent, or an admin. */
    public Escalation readable(String id) {
        Escalation e = em.find(Escalation.class, id);
        if (e == null || !(caller.isInRole("admin") || e.isHeldBy(caller.name()))) {
            throw notFound(id);
        }
        return e;
    }

    /** The escalation, if the caller is its assigned agent (admins neither reveal nor reply). */
    public Escalation held(String id) {
        Escalation e = em.find(Escalation.class, id);
        if (e == null || !e.isHeldBy(caller.name())) {
            throw notFound(id);
        }
        return e;
    }

    static ProblemException notFound(String id) {
        return new ProblemException(Problems.NOT_FOUND, "No escalation " + id + " for you.");
    }
}
