package org.consentry.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.control.ReasonText;
import org.consentry.audit.entity.Outcome;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.retention.entity.LegalHold;

/**
 * Legal holds, in the caller's transaction, each audited. The reason is kept as written for the
 * admins (it is theirs, not the customer's); the audit gets it cleaned of identifiers.
 */
@ApplicationScoped
public class LegalHolds {

    public static final ProblemType HELD = new ProblemType("legal-hold", 409, "The subject is under a legal hold");
    public static final ProblemType ALREADY_HELD = new ProblemType("legal-hold-exists", 409, "The subject is already under a legal hold");

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ReasonText reasons;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public LegalHold hold(String subjectId, String reason) {
        if (live(subjectId).isPresent()) {
            throw new ProblemException(ALREADY_HELD, "A legal hold on this subject is live: release it before placing another.");
        }
        LegalHold hold = new LegalHold(subjectId, reason, caller.name(), clock.instant());
        try {
            em.persist(hold);
            em.flush();
        } catch (PersistenceException raced) {
            throw new ProblemException(ALREADY_HELD, "A legal hold on this subject was placed at the same moment.");
        }
        audit.record(new AuditEntry("retention.hold", null, subjectId, null, Outcome.DONE,
                "hold " + hold.id() + ": " + reasons.clean(reason)));
        return hold;
    }

    public Optional<LegalHold> release(String subjectId) {
        Optional<LegalHold> live = live(subjectId);
        live.ifPresent(hold -> {
            hold.release(caller.name(), clock.instant());
            audit.record(new AuditEntry("retention.release", null, subjectId, null, Outcome.DONE, "hold " + hold.id()));
        });
        return live;
    }

    public Optional<LegalHold> live(String subjectId) {
        return em.createNamedQuery(LegalHold.LIVE, LegalHold.class).setParameter("subjectId", subjectId)
                .getResultStream().findFirst();
    }

    public List<LegalHold> of(String subjectId) {
        return em.createNamedQuery(LegalHold.OF, LegalHold.class).setParameter("subjectId", subjectId).getResultList();
    }

    /** Refuses what a live hold forbids (an erasure). */
    public void requireNotHeld(String subjectId, String what) {
        if (live(subjectId).isPresent()) {
            throw new ProblemException(HELD, "The subject is under a legal hold (GDPR Art. 17(3)(e)): " + what
                    + " waits until an admin releases it.");
        }
    }
}
