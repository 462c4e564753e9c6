package org.consentry.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
        for (int attempts = 0; attempts < 40; attempts++) {
            long ceiling = Math.min(300_000, 1000L << Math.min(attempts, 30));
            for (int i = 0; i < 50; i++) {
                long wait = backoff.after(attempts).toMillis();
                assertTrue(wait >= ceiling / 2 && wait <= ceiling, attempts + ": " + wait);
            }
        }
    }

    @Test
    void statusesAreClassified() {
        assertEquals(DeliveryResult.Delivered.class, SignedPost.classify(204).getClass());
        assertEquals(DeliveryResult.Retry.class, SignedPost.classify(503).getClass());
        assertEquals(DeliveryResult.Retry.class, SignedPost.classify(429).getClass());
        assertEquals(DeliveryResult.Retry.class, SignedPost.classify(408).getClass());
        assertEquals(DeliveryResult.Rejected.class, SignedPost.classify(400).getClass());
        assertEquals(DeliveryResult.Rejected.class, SignedPost.classify(301).getClass(), "redirects are not followed");
    }
}
