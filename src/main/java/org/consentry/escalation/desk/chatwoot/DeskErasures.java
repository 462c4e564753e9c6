package org.consentry.escalation.desk.chatwoot;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
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

    @Inject
    DeskSettings settings;

    @Inject
    GoneConversations gone;

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
                found = gone.queue(BATCH);
            } while (found == BATCH);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "desk-erasure", e);
        }
    }
}
