package org.consentry.outbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.consentry.outbox.control.OutboxBacklog;
import org.consentry.outbox.entity.OutboxEntry;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * /metrics of the outbox: entries pending and failed and the age of the oldest pending one (read from
 * the database, at most every five seconds, so every server reports the same), deliveries and failures
 * counted by this server, and the delivery latency (from enqueue to acknowledgement).
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    OutboxBacklog backlog;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge("consentry.outbox.pending", backlog, b -> b.now().pending());
        registry.gauge("consentry.outbox.failed", backlog, b -> b.now().failed());
        registry.gauge("consentry.outbox.oldest.pending.seconds", backlog, b -> b.now().oldestPending().toSeconds());
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
}
