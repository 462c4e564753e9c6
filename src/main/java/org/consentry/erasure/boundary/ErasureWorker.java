package org.consentry.erasure.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.consentry.erasure.control.Erasures;
import org.consentry.erasure.entity.ErasureRequest;
import org.consentry.platform.control.Periodic;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries erasure requests through: at once when one is accepted, and every consentry.erasure.poll
 * (default PT10S) for those a restart or a failure left behind and for the CRM's receipts. Each
 * request's local erasure is one transaction ({@link ErasureSteps}); a failed one is rolled back, counted
 * and tried again at the next poll.
 */
@ApplicationScoped
public class ErasureWorker {

    private static final Logger LOG = Logger.getLogger(ErasureWorker.class.getName());
    static final int PAGE = 100;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ErasureSteps steps;

    @Inject
    Periodic polling;

    @Inject
    @ConfigProperty(name = "consentry.erasure.poll", defaultValue = "PT10S")
    Duration poll;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        polling.start(poll, LOG, "erasure worker", this::work);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        polling.stop();
    }

    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Erasures.Accepted accepted) {
        executor.execute(() -> process(accepted.requestId()));
    }

    /**
     * Everything open, a page of {@value #PAGE} at a time in the order they were made: PENDING requests
     * erased, AWAITING_CRM ones asked for their receipt. Every open request each time, however many
     * there are: the newest must not wait behind the oldest hundred for ever. A failure is logged, not
     * thrown (tests call this beside the schedule).
     */
    public void work() {
        try {
            forEachOpen(ErasureRequest.Status.PENDING, this::process);
            forEachOpen(ErasureRequest.Status.AWAITING_CRM, steps::checkReceipt);
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
            page = steps.open(status, after);
            page.forEach(p -> action.accept(p.id()));
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == PAGE);
    }

    void process(String requestId) {
        try {
            steps.erase(requestId);
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "erasure " + requestId, e);
            // the view (lastError) says where to look, not what failed inside: no class names in the API
            steps.failed(requestId, "internal error, logged under erasure " + requestId);
        }
    }
}
