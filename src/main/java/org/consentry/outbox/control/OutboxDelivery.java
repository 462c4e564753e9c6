package org.consentry.outbox.control;

import java.time.Instant;

/** A delivery as admins see it: what, to whom, how it went, whom it concerned (as a keyed reference). No personal data. */
public record OutboxDelivery(String id, String recipient, String kind, String status, int attempts, Instant createdAt,
                             Instant nextAttemptAt, Instant lastAttemptAt, String lastOutcome, Instant deliveredAt,
                             String subjectRef) {
}
