package org.consentry.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.consentry.consent.control.HandedOffSubjects;
import org.consentry.escalation.entity.Escalation;

/** The conversations a bot principal handed off, in any state: what lets it record more consents. */
@ApplicationScoped
public class BotConversations implements HandedOffSubjects {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Override
    public boolean handedOff(String subjectId, String bot) {
        return em.createNamedQuery(Escalation.HANDED_OFF_BY, Long.class).setParameter("subjectId", subjectId)
                .setParameter("bot", bot).getSingleResult() > 0;
    }
}
