package org.consentry.outbox.control;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * What the outbox still owes, read from the database (so every server reports the same) at most every
 * few seconds: how many deliveries are pending and failed, and how long the oldest pending one waits.
 */
@ApplicationScoped
public class OutboxBacklog {

    /** The counts, and the age of the oldest pending delivery (zero when none is pending). */
    public record Snapshot(long pending, long failed, Duration oldestPending) {
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
        long pending = 0;
        long failed = 0;
        for (Object[] row : em.createQuery("SELECT e.status, COUNT(e) FROM OutboxEntry e WHERE e.status IN :open"
                        + " GROUP BY e.status", Object[].class)
                .setParameter("open", List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.FAILED)).getResultList()) {
            if (row[0] == OutboxEntry.Status.PENDING) {
                pending = (Long) row[1];
            } else {
                failed = (Long) row[1];
            }
        }
        Instant oldest = em.createQuery("SELECT e.createdAt FROM OutboxEntry e WHERE e.status = :pending"
                        + " ORDER BY e.createdAt", Instant.class)
                .setParameter("pending", OutboxEntry.Status.PENDING).setMaxResults(1).getResultStream().findFirst().orElse(null);
        Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
        return new Snapshot(pending, failed, age.isNegative() ? Duration.ZERO : age);
    }
}
