package org.consentry.erasure.control;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.consentry.erasure.entity.ErasureRequest;

/**
 * Erasure requests by state, and those not completed by their deadline (GDPR Art. 12(3)), read from the
 * database (every server reports the same) at most every few seconds.
 */
@ApplicationScoped
public class ErasureBacklog {

    /** Requests per state (every state present), and the open ones whose deadline has passed. */
    public record Snapshot(Map<ErasureRequest.Status, Long> byStatus, long pastDeadline) {
        public long open() {
            return byStatus.get(ErasureRequest.Status.PENDING) + byStatus.get(ErasureRequest.Status.AWAITING_CRM);
        }
    }

    private static final Duration KEEP = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    private final LoadingCache<Boolean, Snapshot> cache = Caffeine.newBuilder().expireAfterWrite(KEEP).build(k -> read());

    public Snapshot now() {
        return cache.get(Boolean.TRUE);
    }

    private Snapshot read() {
        Map<ErasureRequest.Status, Long> byStatus = new EnumMap<>(ErasureRequest.Status.class);
        for (ErasureRequest.Status status : ErasureRequest.Status.values()) {
            byStatus.put(status, 0L);
        }
        em.createQuery("SELECT r.status, COUNT(r) FROM ErasureRequest r GROUP BY r.status", Object[].class)
                .getResultList().forEach(row -> byStatus.put((ErasureRequest.Status) row[0], (Long) row[1]));
        long late = em.createQuery("SELECT COUNT(r) FROM ErasureRequest r WHERE r.status <> :done AND r.deadlineAt < :now",
                        Long.class)
                .setParameter("done", ErasureRequest.Status.COMPLETED).setParameter("now", clock.instant()).getSingleResult();
        return new Snapshot(Map.copyOf(byStatus), late);
    }
}
