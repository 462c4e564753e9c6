package org.consentry.outbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.consentry.outbox.entity.OutboxEntry;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * /metrics of the outbox: entries pending and failed (read from the database, at most every five
 * seconds, so every server reports the same), deliveries and failures counted by this server, and the
 * delivery latency (from enqueue to acknowledgement).
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    MetricRegistry registry;

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    OutboxMetrics self;

    private volatile Map<OutboxEntry.Status, Long> counts = new EnumMap<>(OutboxEntry.Status.class);
    private volatile Instant countedAt = Instant.EPOCH;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge("consentry.outbox.pending", this, m -> m.count(OutboxEntry.Status.PENDING));
        registry.gauge("consentry.outbox.failed", this, m -> m.count(OutboxEntry.Status.FAILED));
    }

    /** Called by the worker when an attempt ends for good. */
    void ended(OutboxEntry entry) {
        Tag kind = new Tag("kind", entry.kind());
        if (entry.status() == OutboxEntry.Status.DELIVERED) {
            registry.counter("consentry.outbox.delivered", kind).inc();
            registry.timer("consentry.outbox.delivery.latency", kind)
                    .update(Duration.between(entry.createdAt(), entry.deliveredAt()));
        } else if (entry.status() == OutboxEntry.Status.FAILED) {
            registry.counter("consentry.outbox.failures", kind).inc();
        }
    }

    long count(OutboxEntry.Status status) {
        if (Duration.between(countedAt, Instant.now()).getSeconds() >= 5) {
            counts = self.counts();
            countedAt = Instant.now();
        }
        return counts.getOrDefault(status, 0L);
    }

    @Transactional
    public Map<OutboxEntry.Status, Long> counts() {
        Map<OutboxEntry.Status, Long> byStatus = new EnumMap<>(OutboxEntry.Status.class);
        em.createQuery("SELECT e.status, COUNT(e) FROM OutboxEntry e WHERE e.status IN :open GROUP BY e.status", Object[].class)
                .setParameter("open", java.util.List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.FAILED))
                .getResultList().forEach(row -> byStatus.put((OutboxEntry.Status) row[0], (Long) row[1]));
        return byStatus;
    }
}
