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
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

    /** Everything open: PENDING requests erased, AWAITING_CRM ones asked for their receipt. */
    public void work() {
        try {
            self.open(ErasureRequest.Status.PENDING).forEach(this::process);
            self.open(ErasureRequest.Status.AWAITING_CRM).forEach(self::checkReceipt);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "erasure worker", e);
        }
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
    public List<String> open(ErasureRequest.Status status) {
        return em.createNamedQuery(ErasureRequest.BY_STATUS, ErasureRequest.class).setParameter("status", status)
                .setMaxResults(100).getResultStream().map(ErasureRequest::id).toList();
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
