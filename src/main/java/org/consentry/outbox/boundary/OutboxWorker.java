package org.consentry.outbox.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.outbox.control.Backoff;
import org.consentry.outbox.control.DeliveryHandler;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.Outbox;
import org.consentry.outbox.control.SignedPost;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what the outbox holds. Each due entry is first leased in a short transaction (a conditional
 * update, so among several servers exactly one gets it), then sent outside any transaction, then its
 * outcome recorded: delivered on a 2xx, retried with exponential back-off and jitter until
 * consentry.outbox.give-up-after (default P1D), then FAILED for an admin to look at. A server that dies
 * mid-delivery leaves a lease that expires (consentry.outbox.lease, PT60S); another server then sends
 * it again with the same webhook-id, so the receiver applies it once.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @Any
    Instance<DeliveryHandler> handlers;

    @Inject
    OutboxWorker self;

    @Inject
    AuditTrail audit;

    @Inject
    OutboxMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "consentry.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Inject
    @ConfigProperty(name = "consentry.outbox.batch", defaultValue = "20")
    int batch;

    @Inject
    @ConfigProperty(name = "consentry.outbox.lease", defaultValue = "PT60S")
    Duration lease;

    @Inject
    @ConfigProperty(name = "consentry.outbox.retry-base", defaultValue = "PT1S")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "consentry.outbox.retry-cap", defaultValue = "PT5M")
    Duration retryCap;

    @Inject
    @ConfigProperty(name = "consentry.outbox.give-up-after", defaultValue = "P1D")
    Duration giveUpAfter;

    private Backoff backoff;
    private ScheduledFuture<?> schedule;

    @Inject
    SignedPost post;

    @PostConstruct
    void init() {
        backoff = new Backoff(retryBase, retryCap);
        if (lease.compareTo(post.timeout().multipliedBy(2)) < 0) {
            // a lease that runs out while its delivery is still waiting for an answer lets another server send it too
            throw new IllegalStateException("consentry.outbox.lease (" + lease + ") must be at least twice"
                    + " consentry.outbox.request-timeout (" + post.timeout() + ")");
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schedule = scheduler.scheduleWithFixedDelay(this::drain, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** Something was enqueued and committed: send it now rather than at the next poll. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Enqueued enqueued) {
        executor.execute(this::drain);
    }

    /** Sends everything due; one drain at a time per server. */
    public void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            drainAs(owner);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "outbox", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * Sends everything due as the worker {@code as} (each server is one; tests race several): returns how
     * many entries this worker leased.
     */
    public int drainAs(String as) {
        int total = 0;
        Leased leased;
        do {
            leased = self.lease(as, batch);
            leased.ids().forEach(id -> deliver(as, id));
            total += leased.ids().size();
        } while (leased.candidates() == batch); // another worker may have won some of a full batch: look again
        return total;
    }

    /** What one lease round found due, and which of those this worker got. */
    public record Leased(int candidates, List<String> ids) {
    }

    /**
     * One round: the due, unleased entries are leased to {@code as} by one conditional update, and
     * which ones it got is read back (with JDBC batch writing an update's count is not to be trusted).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Leased lease(String as, int max) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant until = now.plus(lease);
        List<String> due = em.createQuery("SELECT e.id FROM OutboxEntry e WHERE e.status = :pending"
                        + " AND e.nextAttemptAt <= :now AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)"
                        + " ORDER BY e.nextAttemptAt", String.class)
                .setParameter("pending", OutboxEntry.Status.PENDING).setParameter("now", now)
                .setMaxResults(max).getResultList();
        if (due.isEmpty()) {
            return new Leased(0, List.of());
        }
        em.createQuery("UPDATE OutboxEntry e SET e.leaseOwner = :owner, e.leaseUntil = :until"
                        + " WHERE e.id IN :ids AND e.status = :pending AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)")
                .setParameter("owner", as).setParameter("until", until).setParameter("ids", due)
                .setParameter("pending", OutboxEntry.Status.PENDING).setParameter("now", now)
                .executeUpdate();
        List<String> mine = em.createQuery("SELECT e.id FROM OutboxEntry e WHERE e.id IN :ids AND e.leaseOwner = :owner"
                        + " AND e.leaseUntil = :until", String.class)
                .setParameter("ids", due).setParameter("owner", as).setParameter("until", until).getResultList();
        return new Leased(due.size(), mine);
    }

    private void deliver(String as, String id) {
        OutboxEntry entry = self.claim(as, id);
        if (entry == null) {
            return;
        }
        DeliveryResult result;
        try {
            result = handlerFor(entry.kind())
                    .map(h -> h.deliver(entry))
                    .orElse(new DeliveryResult.Rejected("no handler for kind " + entry.kind()));
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "outbox " + id, e);
            // the view says where to look, not what failed inside (no class names in the API)
            result = new DeliveryResult.Retry("failed: internal error, logged under outbox " + id);
        }
        self.record(as, id, result);
    }

    /**
     * Renews the lease of {@code as} on the entry for a whole lease from now, just before it is sent, and
     * returns the entry; null if it is no longer pending or another server holds it. A batch is leased at
     * once but sent one entry after another: without the renewal, the later entries of a batch sent to a
     * slow receiver would outlive their lease and be sent by another server as well. The lease is held by
     * a row lock while renewed, so another server's lease round either sees the renewal or takes the entry
     * first (and then this one leaves it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OutboxEntry claim(String as, String id) {
        OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || entry.status() != OutboxEntry.Status.PENDING || !as.equals(entry.leaseOwner())) {
            return null;
        }
        entry.leaseTo(as, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plus(lease));
        return entry; // detached when this transaction ends
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String as, String id, DeliveryResult result) {
        OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || entry.status() != OutboxEntry.Status.PENDING || !as.equals(entry.leaseOwner())) {
            return; // erased meanwhile, or the lease ran out and another server took over
        }
        Instant now = clock.instant();
        if (result instanceof DeliveryResult.Delivered) {
            entry.attempted(OutboxEntry.Status.DELIVERED, result.what(), now, null);
        } else if (result instanceof DeliveryResult.Obsolete) {
            entry.cancel(result.what(), now);
        } else if (result instanceof DeliveryResult.Rejected) {
            entry.attempted(OutboxEntry.Status.FAILED, result.what(), now, null);
        } else {
            boolean giveUp = entry.createdAt().plus(giveUpAfter).isBefore(now);
            Duration wait = backoff.after(entry.attempts());
            Duration asked = ((DeliveryResult.Retry) result).after();
            if (asked != null && asked.compareTo(wait) > 0) {
                wait = asked.compareTo(retryCap.multipliedBy(12)) > 0 ? retryCap.multipliedBy(12) : asked; // bounded
            }
            entry.attempted(giveUp ? OutboxEntry.Status.FAILED : OutboxEntry.Status.PENDING,
                    giveUp ? "gave up after " + giveUpAfter + ": " + result.what() : result.what(), now,
                    giveUp ? null : now.plus(wait));
        }
        if (entry.status() != OutboxEntry.Status.PENDING) {
            metrics.ended(entry);
            audit.recordAs("outbox", new AuditEntry("outbox.delivery", null, entry.subjectId(), null,
                    entry.status() == OutboxEntry.Status.DELIVERED ? Outcome.DONE : Outcome.FAILED,
                    entry.kind() + " " + entry.id() + ": " + entry.status() + " after " + entry.attempts()
                            + " attempt(s), " + entry.lastOutcome()));
        }
    }

    private java.util.Optional<DeliveryHandler> handlerFor(String kind) {
        return handlers.stream().filter(h -> h.handles(kind)).findFirst();
    }
}
