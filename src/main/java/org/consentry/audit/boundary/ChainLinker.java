package org.consentry.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.consentry.audit.control.AuditChain;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links new audit events into the chain every {@code consentry.audit.link-interval} (default PT2S) and
 * whenever the trail is read or verified. Each batch is a transaction of its own; on several servers
 * the head's row lock makes them take turns.
 */
@ApplicationScoped
public class ChainLinker {

    private static final Logger LOG = Logger.getLogger(ChainLinker.class.getName());

    @Inject
    AuditChain chain;

    @Inject
    ChainLinker self;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "consentry.audit.link-interval", defaultValue = "PT2S")
    Duration interval;

    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schedule = scheduler.scheduleWithFixedDelay(this::linkQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** Links everything recorded and committed so far. */
    public long linkAll() {
        long total = 0;
        int linked;
        do {
            linked = self.linkBatch();
            total += linked;
        } while (linked > 0);
        return total;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int linkBatch() {
        return chain.linkBatch();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditChain.Verification verify() {
        return chain.verify();
    }

    private void linkQuietly() {
        try {
            linkAll();
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "audit-link", e);
        }
    }
}
