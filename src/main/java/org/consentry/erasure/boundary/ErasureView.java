package org.consentry.erasure.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consentry.erasure.entity.Receipt;
import org.consentry.erasure.entity.ErasureRequest;

/**
 * An erasure request with its steps and receipts, and its deadline clock (GDPR Art. 12(3): one month
 * from the request): how old it is, when it is due, and whether it is overdue.
 */
public record ErasureView(String requestId, String status, String subjectRef, Instant requestedAt, String requestedBy,
                          Instant deadline, String age, boolean overdue, List<Step> steps, List<RecipientReceipt> recipients,
                          int attempts, String lastError) {

    /** One step: DONE, PENDING or WAITING, when, and its receipt. */
    public record Step(String name, String status, Instant at, String receipt) {
    }

    /** Art. 19: one recipient's receipt of the erasure notice (DELIVERED, PENDING, FAILED), when, and what it answered. */
    public record RecipientReceipt(String recipient, String status, Instant at, String detail) {
    }

    static ErasureView of(ErasureRequest r, Clock clock, Map<String, Receipt> receipts) {
        Instant end = r.completedAt() != null ? r.completedAt() : clock.instant();
        boolean erased = r.erasedAt() != null;
        String crmStatus = r.status() == ErasureRequest.Status.COMPLETED ? "DONE" : erased ? "WAITING" : "PENDING";
        List<Step> steps = List.of(
                new Step("local-rows", erased ? "DONE" : "PENDING", r.erasedAt(), r.rowsReceipt()),
                new Step("data-key", erased ? "DONE" : "PENDING", r.erasedAt(), r.keyReceipt()),
                new Step("crm", crmStatus, r.status() == ErasureRequest.Status.COMPLETED ? r.completedAt() : null,
                        r.crmDeliveryId() == null ? r.crmReceipt() : "delivery " + r.crmDeliveryId()
                                + (r.crmReceipt() == null ? "" : ": " + r.crmReceipt())));
        List<RecipientReceipt> each = receipts.entrySet().stream().map(e -> new RecipientReceipt(e.getKey(),
                e.getValue().status(), e.getValue().at(), e.getValue().detail())).toList();
        return new ErasureView(r.id(), r.status().name(), r.subjectRef(), r.requestedAt(), r.requestedBy(), r.deadlineAt(),
                Duration.between(r.requestedAt(), end).withNanos(0).toString(), end.isAfter(r.deadlineAt()), steps, each,
                r.attempts(), r.lastError());
    }
}
