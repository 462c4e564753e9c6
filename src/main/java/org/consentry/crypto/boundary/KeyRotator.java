package org.consentry.crypto.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.consentry.crypto.control.KekRotation;
import org.consentry.platform.control.SafeLog;

/**
 * Re-wraps the data keys of a rotation in the background, one batch per transaction
 * ({@link RewrapSteps}), without stopping anything: until a key is re-wrapped its old KEK version still
 * opens it. A rotation interrupted by a restart resumes at the next start.
 */
@ApplicationScoped
public class KeyRotator {

    private static final Logger LOG = Logger.getLogger(KeyRotator.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    RewrapSteps steps;

    /** A rotation started in a transaction that committed: begin re-wrapping. */
    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) KekRotation.RotationStarted started) {
        executor.execute(() -> run(started.rotationId()));
    }

    void resume(@Observes @Initialized(ApplicationScoped.class) Object start) {
        executor.execute(() -> steps.running().forEach(this::run));
    }

    /** Runs the rotation to its end; returns when it is done (used directly by tests). */
    public void run(String rotationId) {
        try {
            while (steps.batch(rotationId) > 0) {
                // next batch
            }
            steps.recordEnd(rotationId);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "key-rotation " + rotationId, e);
            steps.fail(rotationId);
        }
    }
}
