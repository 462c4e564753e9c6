package org.consentry.auditstream.control;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * What a sink has not received yet, read from the database (the same on every server) at most every five
 * seconds: the events past its cursor, linked or still waiting to be linked, and the age of the oldest.
 */
@ApplicationScoped
public class SinkBacklog {

    /** Events not yet shipped to the sink, and how long the oldest of them waits (zero when none). */
    public record Snapshot(long unshipped, Duration oldest) {
    }

    private static final Duration KEEP = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    private final LoadingCache<String, Snapshot> cache = Caffeine.newBuilder().expireAfterWrite(KEEP).build(this::read);

    public Snapshot of(String sink) {
        return cache.get(sink);
    }

    private Snapshot read(String sink) {
        // values, not entities: read from the database each time, never from a persistence context
        long shipped = em.createQuery("SELECT c.shippedSeq FROM SinkCursor c WHERE c.sink = :sink", Long.class)
                .setParameter("sink", sink).getResultStream().findFirst().orElse(0L);
        long head = em.createQuery("SELECT h.lastSeq FROM AuditChainHead h", Long.class).getSingleResult();
        long unlinked = em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.chainSeq IS NULL", Long.class).getSingleResult();
        Instant nextLinked = em.createQuery("SELECT e.occurredAt FROM AuditEvent e WHERE e.chainSeq > :shipped"
                        + " ORDER BY e.chainSeq", Instant.class)
                .setParameter("shipped", shipped).setMaxResults(1).getResultStream().findFirst().orElse(null);
        // ORDER BY, not MIN(): an aggregate would bypass the Instant converter
        Instant oldestUnlinked = em.createQuery("SELECT e.occurredAt FROM AuditEvent e WHERE e.chainSeq IS NULL"
                        + " ORDER BY e.occurredAt", Instant.class)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        Instant oldest = Stream.of(nextLinked, oldestUnlinked).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
        Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
        return new Snapshot(Math.max(0, head - shipped) + unlinked, age.isNegative() ? Duration.ZERO : age);
    }
}
