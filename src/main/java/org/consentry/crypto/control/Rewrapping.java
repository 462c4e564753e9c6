package org.consentry.crypto.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.consentry.crypto.entity.KeyRotation;
import org.consentry.crypto.entity.SubjectKey;

/** One batch of a rotation: data keys still wrapped by an older KEK version, re-wrapped by the new one. */
@Dependent
public class Rewrapping {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    KeyRing keyRing;

    @Inject
    Clock clock;

    @Inject
    KeyUsage usage;

    /** Re-wraps up to {@code batch} keys in the caller's transaction; returns how many. */
    public int batch(String rotationId, int batch) {
        KeyRotation rotation = em.find(KeyRotation.class, rotationId, LockModeType.PESSIMISTIC_WRITE);
        if (rotation == null || rotation.status() != KeyRotation.Status.RUNNING) {
            return 0;
        }
        List<SubjectKey> older = em.createQuery("SELECT k FROM SubjectKey k WHERE k.kekVersion < :version"
                        + " ORDER BY k.subjectId", SubjectKey.class)
                .setParameter("version", rotation.toVersion()).setMaxResults(batch)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        var kek = keyRing.kek(rotation.toVersion());
        for (SubjectKey key : older) {
            var dataKey = DataKeys.unwrap(key.wrapped(), keyRing.kek(key.kekVersion()), key.subjectId());
            key.rewrap(rotation.toVersion(), DataKeys.wrap(dataKey, kek, key.subjectId()), clock.instant());
            usage.wrapped(rotation.toVersion());
        }
        rotation.progress(older.size());
        if (older.isEmpty()) {
            rotation.finish(KeyRotation.Status.DONE, clock.instant());
        }
        return older.size();
    }

    public long countOlderThan(int version) {
        return em.createQuery("SELECT COUNT(k) FROM SubjectKey k WHERE k.kekVersion < :version", Long.class)
                .setParameter("version", version).getSingleResult();
    }
}
