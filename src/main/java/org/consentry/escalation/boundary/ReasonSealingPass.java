package org.consentry.escalation.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import org.consentry.platform.control.SafeLog;

/**
 * Seals the reasons that were stored in clear before V10, in batches, once the application has started
 * (after the schema migration: observers of the same event with a lower priority run first). Until a
 * row is sealed its reason is served as it is and the queue's filter does not find it. Several servers
 * may run the pass at once: each row is locked and looked at again before it is sealed.
 */
@ApplicationScoped
public class ReasonSealingPass {

    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(ReasonSealingPass.class.getName());

    @Inject
    ReasonSealingBatch batches;

    @Resource
    ManagedExecutorService executor;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class) Object started) {
        executor.submit(this::sealAll);
    }

    /** Seals every clear reason; the number sealed. */
    public int sealAll() {
        int sealed = 0;
        try {
            for (int batch = batches.seal(); batch > 0; batch = batches.seal()) {
                sealed += batch;
            }
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "reason-sealing", e);
        }
        int done = sealed;
        if (done > 0) {
            LOG.info(() -> "Sealed " + done + " escalation reasons stored in clear before V10");
        }
        return done;
    }
}
