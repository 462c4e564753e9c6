package org.consentry.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.consent.entity.Purpose;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;

/**
 * Whose consent a caller may record on its own (PUT): an admin any subject's, on the subject's behalf
 * and with the evidence the request demands; a bot only the subject of a conversation that the same bot
 * principal handed off. A bot's first consent travels inside the handoff or the lead ({@code consent}),
 * so a bot credential cannot make up consents for subjects it never talked to. A refusal is audited.
 */
@ApplicationScoped
public class GrantScope {

    public static final ProblemType NOT_HANDED_OFF = new ProblemType("subject-not-handed-off", 403,
            "Not the subject of a conversation this bot handed off");

    @Inject
    Caller caller;

    @Inject
    Instance<HandedOffSubjects> handoffs;

    @Inject
    AuditTrail audit;

    /** Throws unless the caller may record the subject's consent to the purpose. */
    public void check(String subjectId, Purpose purpose) {
        if (caller.isInRole("admin") || (caller.isInRole("bot") && handedOff(subjectId, caller.name()))) {
            return;
        }
        audit.recordIndependently(new AuditEntry("consent.grant", purpose.id(), subjectId, null, Outcome.DENIED,
                "no conversation with the subject handed off by this caller"));
        throw new ProblemException(NOT_HANDED_OFF, "A bot records consent only for the subject of a conversation it "
                + "handed off. Send the customer's consent with the handoff (POST /api/v1/escalations, member consent) "
                + "or with the lead (POST /api/v1/subjects/{subjectId}/crm-sync, member consent).")
                .with("purpose", purpose.id());
    }

    private boolean handedOff(String subjectId, String bot) {
        return handoffs.isResolvable() && handoffs.get().handedOff(subjectId, bot);
    }
}
