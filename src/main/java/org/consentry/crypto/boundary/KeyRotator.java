package org.consentry.crypto.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import org.consentry.crypto.control.KekRotation;
import org.consentry.crypto.control.Rewrapping;
import org.consentry.crypto.entity.KeyOperation;
import org.consentry.crypto.entity.KeyRotation;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-wraps the data keys of a rotation in the background, one batch per transaction
 * (consentry.kek.rewrap-batch, default 500), without stopping anything: until a key is re-wrapped
 * its old KEK version still opens it. A rotation interrupted by a restart resumes at the next start.
 */
@ApplicationScoped
public class KeyRotator {

    private static final Logger LOG = Logger.getLogger(KeyRotator.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    Rewrapping rewrapping;

    @Inject
    KeyRotator self;

    @Inject
    jakarta.enterprise.event.Event<KeyOperation> operations;

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "consentry.kek.rewrap-batch", defaultValue = "500")
    int batch;

    /** A rotation started in a transaction that committed: begin re-wrapping. */
    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) KekRotation.RotationStarted started) {
        executor.execute(() -> run(started.rotationId()));
    }

    void resume(@Observes @Initialized(ApplicationScoped.class) Object start) {
        executor.execute(() -> self.running().forEach(this::run));
    }

    @Transactional
    public List<String> running() {
        return em.createQuery("SELECT r.id FROM KeyRotation r WHERE r.status = :running", String.class)
                .setParameter("running", KeyRotation.Status.RUNNING).getResultList();
    }

    /** Runs the rotation to its end; returns when it is done (used directly by tests). */
    public void run(String rotationId) {
        try {
            while (self.batch(rotationId) > 0) {
                // next batch
            }
            self.recordEnd(rotationId);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "key-rotation " + rotationId, e);
            self.fail(rotationId);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int batch(String rotationId) {
        return rewrapping.batch(rotationId, batch);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordEnd(String rotationId) {
        KeyRotation rotation = em.find(KeyRotation.class, rotationId);
        if (rotation != null && rotation.status() == KeyRotation.Status.DONE) {
            operations.fire(new KeyOperation("key.rewrap", true, "rotation " + rotationId + ": " + rotation.rewrapped()
                    + " data keys re-wrapped to KEK version " + rotation.toVersion(), "key-rotation"));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(String rotationId) {
        KeyRotation rotation = em.find(KeyRotation.class, rotationId);
        if (rotation != null && rotation.status() == KeyRotation.Status.RUNNING) {
            rotation.finish(KeyRotation.Status.FAILED, java.time.Instant.now());
            operations.fire(new KeyOperation("key.rewrap", false, "rotation " + rotationId, "key-rotation"));
        }
    }
}
