package org.consentry.crypto.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.consentry.crypto.entity.KekState;
import org.consentry.crypto.entity.KeyOperation;
import org.consentry.crypto.entity.KeyRotation;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;

/**
 * Starts a KEK rotation in the caller's transaction: the next version becomes primary for new data
 * keys, a rotation record counts the keys left to re-wrap, and once the transaction commits the
 * re-wrapping begins ({@link RotationStarted}).
 */
@Dependent
public class KekRotation {

    public static final ProblemType ROTATION_RUNNING = new ProblemType("rotation-running", 409,
            "A rotation is still running");
    public static final ProblemType NO_NEW_KEK = new ProblemType("no-new-kek-version", 409,
            "No newer KEK version to rotate to");

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    KeyRing keyRing;

    @Inject
    SubjectKeyStore store;

    @Inject
    Rewrapping rewrapping;

    @Inject
    Event<KeyOperation> operations;

    @Inject
    Clock clock;

    @Inject
    Event<RotationStarted> started;

    /** Fired in the transaction that promotes a new KEK version. */
    public record RotationStarted(String rotationId) {
    }

    public KeyRotation start(String actor) {
        KekState state = store.lockState();
        List<KeyRotation> running = running();
        if (!running.isEmpty()) {
            throw new ProblemException(ROTATION_RUNNING, "Rotation " + running.get(0).id()
                    + " is still re-wrapping data keys; wait for it to finish.").with("rotationId", running.get(0).id());
        }
        int from = state.primaryVersion();
        int to;
        try {
            to = keyRing.versionAfter(from);
        } catch (KeyUnavailableException e) {
            throw new ProblemException(NO_NEW_KEK, e.getMessage()).with("primaryVersion", from);
        }
        state.promote(to, clock.instant());
        KeyRotation rotation = new KeyRotation(from, to, rewrapping.countOlderThan(to), actor, clock.instant());
        em.persist(rotation);
        operations.fire(new KeyOperation("key.rotation", true, "KEK version " + from + " -> " + to + "; "
                + rotation.total() + " data keys to re-wrap; rotation " + rotation.id(), null));
        started.fire(new RotationStarted(rotation.id()));
        return rotation;
    }

    public List<KeyRotation> running() {
        return em.createQuery("SELECT r FROM KeyRotation r WHERE r.status = :running", KeyRotation.class)
                .setParameter("running", KeyRotation.Status.RUNNING).getResultList();
    }
}
