package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.consentry.audit.entity.AuditEvent;
import org.consentry.platform.control.Caller;

/**
 * Appends audit events. {@link #record} writes in the caller's transaction, so that what happened and
 * its record commit or vanish together; {@link #recordIndependently} commits at once, for decisions
 * whose request is about to fail (a refusal must stay on record although the request rolls back).
 * A technical transaction (see org.consentry.platform.control): controls of every component append, in
 * their boundary's transaction or, for jobs that run without one, in one begun here; no boundary bean
 * can stand in between, since a control knows no boundary.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    SubjectRefs refs;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> appended; // observed after commit by the metrics (AuditMetrics)

    @Transactional(Transactional.TxType.REQUIRED)
    public AuditEvent record(AuditEntry entry) {
        return append(entry, caller.name(), caller.role());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditEvent recordIndependently(AuditEntry entry) {
        return append(entry, caller.name(), caller.role());
    }

    /** For work the server does by itself (retention sweeps, deliveries): the actor names the job. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuditEvent recordAs(String job, AuditEntry entry) {
        return append(entry, Caller.SYSTEM + ":" + job, Caller.SYSTEM);
    }

    private AuditEvent append(AuditEntry entry, String actor, String role) {
        AuditEvent event = new AuditEvent(clock.instant(), actor, role, entry.action(), entry.purpose(),
                refs.of(entry.subjectId()), entry.field(), entry.outcome(), entry.detail());
        em.persist(event);
        appended.fire(event);
        return event;
    }
}
