package org.consentry.crypto.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.consentry.crypto.control.Rewrapping;
import org.consentry.crypto.entity.KeyOperation;
import org.consentry.crypto.entity.KeyRotation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The steps of a rotation's re-wrap (see KeyRotator), each in a transaction of its own: the running
 * rotations found, one batch of data keys re-wrapped (consentry.kek.rewrap-batch, default 500), the end
 * or the failure recorded.
 */
@ApplicationScoped
public class RewrapSteps {

    @Inject
    Rewrapping rewrapping;

    @Inject
    jakarta.enterprise.event.Event<KeyOperation> operations;

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "consentry.kek.rewrap-batch", defaultValue = "500")
    int batch;

    @Transactional
    public List<String> running() {
        return em.createQuery("SELECT r.id FROM KeyRotation r WHERE r.status = :running", String.class)
                .setParameter("running", KeyRotation.Status.RUNNING).getResultList();
    }

    /** Re-wraps the next batch; returns how many data keys it re-wrapped (0: none left). */
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
