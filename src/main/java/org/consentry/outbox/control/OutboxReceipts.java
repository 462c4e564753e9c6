package org.consentry.outbox.control;

import org.consentry.erasure.entity.Receipt;
import org.consentry.outbox.entity.OutboxEntry;

/** A delivery as a recipient's receipt of an erasure notice (GDPR Art. 19), for every recipient that sends through the outbox. */
public final class OutboxReceipts {

    private OutboxReceipts() {
    }

    /** DELIVERED, FAILED (with where to send it again), CANCELLED or PENDING, when, and what the recipient answered. */
    public static Receipt of(OutboxEntry entry, String retryAt) {
        return switch (entry.status()) {
            case DELIVERED -> new Receipt("DELIVERED", entry.deliveredAt(), entry.lastOutcome());
            case FAILED -> new Receipt("FAILED", entry.lastAttemptAt(), entry.lastOutcome() + " (retry it at " + retryAt + ")");
            case CANCELLED -> new Receipt("CANCELLED", entry.lastAttemptAt(), entry.lastOutcome());
            case PENDING -> new Receipt("PENDING", entry.lastAttemptAt(), entry.lastOutcome());
        };
    }
}
