package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.escalation.entity.Escalation;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * One identity per bot: an escalation belongs to the bot client that handed it off (its
 * {@code handed_off_by}), and to every other bot it does not exist. A bot reaching another's escalation
 * gets exactly the answer an id that exists nowhere gets (404, the same body), so neither its data nor
 * its existence leaks; the attempt is audited under the caller's client. Escalations stored before
 * owners were recorded carry {@link #UNOWNED} (V19) and belong to no bot.
 */
@Dependent
public class BotOwnership {

    /** The owner of escalations handed off before V14 recorded one (V19): no client can bear it. */
    public static final String UNOWNED = Caller.RESERVED + "unowned";
    public static final String DENIED = "escalation.bot-access";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** The escalation, if the calling bot owns it; else 404 as for an escalation that does not exist. */
    public Escalation owned(String id) {
        Escalation escalation = em.find(Escalation.class, id);
        if (escalation == null) {
            throw notFound(id);
        }
        if (!isOwner(escalation)) {
            audit.recordIndependently(new AuditEntry(DENIED, Claims.PURPOSE, escalation.subjectId(), null, Outcome.DENIED,
                    "escalation " + id + " belongs to another bot client"));
            throw notFound(id);
        }
        return escalation;
    }

    /** Whether the calling bot client handed the escalation off. */
    public boolean isOwner(Escalation escalation) {
        String owner = escalation.handedOffBy();
        return owner != null && !owner.startsWith(Caller.RESERVED) && owner.equals(caller.name());
    }

    /** The one answer for an escalation a bot may not see, whether it exists or not. */
    public static ProblemException notFound(String id) {
        return new ProblemException(Problems.NOT_FOUND, "No escalation " + id + ".");
    }
}
