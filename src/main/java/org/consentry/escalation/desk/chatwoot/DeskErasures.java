package org.consentry.escalation.desk.chatwoot;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.outbox.control.Outbox;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes out of Chatwoot what Consentry no longer holds. An escalation that is gone (its subject erased, GDPR
 * Art. 17, or its retention period over) leaves its pair in desk_chatwoot_conversation behind; every
 * consentry.desk.chatwoot.erase-every (PT30S) such pairs are taken, each in the transaction that queues the
 * Chatwoot contact's deletion (desk.erase: Chatwoot deletes the contact's conversations and messages with
 * it), and the queuing is audited. Erasure and retention need not know the desk: whatever removes an
 * escalation, its copy in Chatwoot follows. On several servers the pair's DELETE decides who queues it.
 */
@ApplicationScoped
public class DeskErasures {

    private static final Logger LOG = Logger.getLogger(DeskErasures.class.getName());
    static final int BATCH = 100;

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    DeskSettings settings;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    DeskErasures self;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "consentry.desk.chatwoot.erase-every", defaultValue = "PT30S")
    Duration every;

    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (settings.chatwoot() && !every.isZero() && !every.isNegative()) {
            schedule = scheduler.scheduleWithFixedDelay(this::run, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void run() {
        try {
            int found;
            do {
                found = self.queueGone(BATCH);
            } while (found == BATCH);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "desk-erasure", e);
        }
    }

    /** Queues the deletion of up to {@code limit} conversations whose escalation is gone; returns how many it found. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int queueGone(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> gone = em.createNativeQuery("SELECT d.escalation_id, d.conversation_id FROM desk_chatwoot_conversation d"
                + " WHERE NOT EXISTS (SELECT 1 FROM escalation e WHERE e.id = d.escalation_id) ORDER BY d.opened_at")
                .setMaxResults(limit).getResultList();
        for (Object[] pair : gone) {
            String escalationId = (String) pair[0];
            long conversation = ((Number) pair[1]).longValue();
            int taken = em.createNativeQuery("DELETE FROM desk_chatwoot_conversation WHERE escalation_id = ?1")
                    .setParameter(1, escalationId).executeUpdate();
            if (taken == 1) { // another server's pass took it otherwise
                em.createNativeQuery("DELETE FROM desk_chatwoot_applied WHERE escalation_id = ?1")
                        .setParameter(1, escalationId).executeUpdate();
                outbox.enqueueTo(DeskDeliveries.RECIPIENT, DeskDeliveries.ERASE, null, Long.toString(conversation), escalationId, null);
                audit.recordAs("desk.chatwoot", new AuditEntry("desk.erase-queued", null, null, null, Outcome.DONE,
                        "escalation " + escalationId + " is gone: its chatwoot conversation " + conversation + " is to be deleted"));
            }
        }
        return gone.size();
    }
}
