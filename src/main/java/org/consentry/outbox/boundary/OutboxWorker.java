package org.consentry.outbox.boundary;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.consentry.outbox.control.DeliveryHandler;
import org.consentry.outbox.control.DeliveryTraces;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.Outbox;
import org.consentry.outbox.control.OutboxLeases;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.platform.control.Periodic;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what the outbox holds, each recipient's deliveries in a lane of their own: a lane is drained
 * by one task at a time on this server, its entries one after another in the order they fell due,
 * while the lanes of other recipients run beside it. A recipient that is down or answers slowly thus
 * delays only its own deliveries (no head-of-line blocking), and its failures are its own. Each entry
 * is leased, sent outside any transaction, and its outcome recorded ({@link OutboxLeases}); the
 * receiver deduplicates on the entry id, which stays the same on every attempt.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean scanning = new AtomicBoolean();
    private final Set<String> busyLanes = ConcurrentHashMap.newKeySet();

    @Inject
    Periodic poll;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @Any
    Instance<DeliveryHandler> handlers;

    @Inject
    OutboxLeases leases;

    @Inject
    OutboxMetrics metrics;

    @Inject
    DeliveryTraces traces;

    @Inject
    @ConfigProperty(name = "consentry.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Inject
    @ConfigProperty(name = "consentry.outbox.batch", defaultValue = "20")
    int batch;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        poll.start(pollInterval, LOG, "outbox poll", this::drain);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        poll.stop();
    }

    /** Whether the periodic poll still runs (it stops only with the application, or if an error kills it). */
    boolean polling() {
        return poll.running();
    }

    /** Something was enqueued and committed: send it now rather than at the next poll. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Enqueued enqueued) {
        executor.execute(this::drain);
    }

    /** Starts a drain of every lane that has something due and is not being drained on this server already. */
    public void drain() {
        if (!scanning.compareAndSet(false, true)) {
            return;
        }
        try {
            for (String lane : leases.dueLanes()) {
                if (busyLanes.add(lane)) {
                    try {
                        executor.execute(() -> drainLane(lane));
                    } catch (RuntimeException refused) { // executor shutting down or full: the next poll tries again
                        busyLanes.remove(lane);
                        throw refused;
                    }
                }
            }
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "outbox", e);
        } finally {
            scanning.set(false);
        }
    }

    private void drainLane(String lane) {
        try {
            drain(owner, lane);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "outbox lane", e);
        } finally {
            busyLanes.remove(lane);
        }
    }

    /**
     * Sends everything due, of every lane one after another, as the worker {@code as} (each server is
     * one; tests race several): returns how many entries this worker leased.
     */
    public int drainAs(String as) {
        return drain(as, null);
    }

    private int drain(String as, String lane) {
        int total = 0;
        OutboxLeases.Leased leased;
        do {
            leased = leases.lease(as, lane, batch);
            leased.ids().forEach(id -> deliver(as, id));
            total += leased.ids().size();
        } while (leased.candidates() == batch); // another worker may have won some of a full batch: look again
        return total;
    }

    private void deliver(String as, String id) {
        OutboxEntry entry = leases.claim(as, id);
        if (entry == null) {
            return;
        }
        DeliveryResult result;
        Span span = traces.start(entry);
        try (Scope scope = span.makeCurrent()) {
            result = send(entry);
            span.setAttribute("consentry.outbox.outcome", result.getClass().getSimpleName());
        } finally {
            span.end();
        }
        OutboxEntry ended = leases.record(as, id, result);
        if (ended != null) {
            metrics.ended(ended);
        }
    }

    private DeliveryResult send(OutboxEntry entry) {
        try {
            return handlerFor(entry.kind())
                    .map(h -> h.deliver(entry))
                    .orElse(new DeliveryResult.Rejected("no handler for kind " + entry.kind()));
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "outbox " + entry.id(), e);
            // the view says where to look, not what failed inside (no class names in the API)
            return new DeliveryResult.Retry("failed: internal error, logged under outbox " + entry.id());
        }
    }

    private Optional<DeliveryHandler> handlerFor(String kind) {
        return handlers.stream().filter(h -> h.handles(kind)).findFirst();
    }
}
