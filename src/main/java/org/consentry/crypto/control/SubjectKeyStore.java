package org.consentry.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.consentry.crypto.entity.KekState;
import org.consentry.crypto.entity.SubjectKey;

/**
 * Creates a subject's data key in a transaction of its own, committed before anything is sealed
 * under it: a caller whose own transaction later rolls back leaves a key behind (harmless), never
 * ciphertext under a key that was not kept. Two servers creating the same subject's key at once
 * meet at the primary key; the loser reads the winner's.
 * A technical transaction (see org.consentry.platform.control): SubjectKeys, a control that sealing
 * reaches during a flush, reads and creates keys through it; {@link #primaryVersion} and
 * {@link #lockState} join the caller's transaction (a compliance control reads the version too).
 */
@ApplicationScoped
public class SubjectKeyStore {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    KeyRing keyRing;

    @Inject
    Clock clock;

    @Inject
    KeyUsage usage;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SubjectKey create(String subjectId) {
        int version = primaryVersion();
        byte[] wrapped = DataKeys.wrap(DataKeys.generate(), keyRing.kek(version), subjectId);
        usage.wrapped(version);
        SubjectKey key = new SubjectKey(subjectId, version, wrapped, clock.instant());
        em.persist(key);
        em.flush();
        return key;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SubjectKey> find(String subjectId) {
        return Optional.ofNullable(em.find(SubjectKey.class, subjectId));
    }

    /** The KEK version new data keys are wrapped with; set to the newest in the keystore on first use. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int primaryVersion() {
        KekState state = em.find(KekState.class, KekState.SINGLETON);
        if (state == null) {
            state = new KekState(keyRing.newestVersion(), clock.instant());
            em.persist(state);
            em.flush();
        }
        return state.primaryVersion();
    }

    /** How many data keys each KEK version wraps, in version order. */
    public java.util.SortedMap<Integer, Long> dataKeysByVersion() {
        java.util.SortedMap<Integer, Long> byVersion = new java.util.TreeMap<>();
        em.createQuery("SELECT k.kekVersion, COUNT(k) FROM SubjectKey k GROUP BY k.kekVersion", Object[].class)
                .getResultList().forEach(row -> byVersion.put((Integer) row[0], (Long) row[1]));
        return byVersion;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public KekState lockState() {
        primaryVersion();
        return em.find(KekState.class, KekState.SINGLETON, LockModeType.PESSIMISTIC_WRITE);
    }
}
