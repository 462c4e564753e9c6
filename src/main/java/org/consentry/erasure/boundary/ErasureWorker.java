package org.consentry.erasure.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.consentry.erasure.control.Erasures;
import org.consentry.erasure.entity.ErasureRequest;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries erasure requests through: at once when one is accepted, and every consentry.erasure.poll
 * (default PT10S) for those a restart or a failure left behind and for the CRM's receipts. Each
 * request's local erasure is one transaction; a failed one is rolled back, counted and tried again at
 * the next poll.
 */
@ApplicationScoped
public class ErasureWorker {

    private static final Logger LOG = Logger.getLogger(ErasureWorker.class.getName());
    static final int PAGE = 100;

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Erasures erasures;

    @Inject
    ErasureWorker self;

    @Inject
    @ConfigProperty(name = "consentry.erasure.poll", defaultValue = "PT10S")
    Duration poll;

    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schedule = scheduler.scheduleWithFixedDelay(this::work, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Erasures.Accepted accepted) {
        executor.execute(() -> process(accepted.requestId()));
    }

    /**
     * Everything open, a page of {@value #PAGE} at a time in the order they were made: PENDING requests
     * erased, AWAITING_CRM ones asked for their receipt. Every open request each time, however many
     * there are: the newest must not wait behind the oldest hundred for ever.
     */
    public void work() {
        try {
            forEachOpen(ErasureRequest.Status.PENDING, this::process);
            forEachOpen(ErasureRequest.Status.AWAITING_CRM, self::checkReceipt);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "erasure worker", e);
        }
    }

    /** Where a page of open requests ended: the last request's time and id. */
    public record Position(Instant requestedAt, String id) {
    }

    private void forEachOpen(ErasureRequest.Status status, Consumer<String> action) {
        Position after = null;
        List<Position> page;
        do {
            page = self.open(status, after);
            page.forEach(p -> action.accept(p.id()));
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == PAGE);
    }

    void process(String requestId) {
        try {
            self.erase(requestId);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "erasure " + requestId, e);
            // the view (lastError) says where to look, not what failed inside: no class names in the API
            self.failed(requestId, "internal error, logged under erasure " + requestId);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Position> open(ErasureRequest.Status status, Position after) {
        var query = em.createQuery("SELECT r FROM ErasureRequest r WHERE r.status = :status" + (after == null ? ""
                        : " AND (r.requestedAt > :at OR (r.requestedAt = :at AND r.id > :id))") + " ORDER BY r.requestedAt, r.id",
                ErasureRequest.class).setParameter("status", status);
        if (after != null) {
            query.setParameter("at", after.requestedAt()).setParameter("id", after.id());
        }
        return query.setMaxResults(PAGE).getResultStream().map(r -> new Position(r.requestedAt(), r.id())).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean erase(String requestId) {
        return erasures.erase(requestId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void checkReceipt(String requestId) {
        erasures.checkReceipt(requestId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String requestId, String what) {
        erasures.failed(requestId, what);
    }
}
