package org.consentry.outbox.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A lease that could run out while a delivery still waits for its answer is refused at start-up. */
class OutboxLeasesSettingsTest {

    private static OutboxLeases worker(Duration lease, Duration requestTimeout) {
        OutboxLeases worker = new OutboxLeases();
        worker.lease = lease;
        worker.retryBase = Duration.ofSeconds(1);
        worker.retryCap = Duration.ofMinutes(5);
        worker.post = new SignedPost() {
            @Override
            public Duration timeout() {
                return requestTimeout;
            }
        };
        return worker;
    }

    @Test
    void aLeaseShorterThanTwiceTheRequestTimeoutIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> worker(Duration.ofSeconds(5), Duration.ofSeconds(3)).init());
        assertEquals("consentry.outbox.lease (PT5S) must be at least twice consentry.outbox.request-timeout (PT3S)",
                refused.getMessage());
    }

    @Test
    void twiceTheRequestTimeoutIsEnough() {
        assertDoesNotThrow(() -> worker(Duration.ofSeconds(6), Duration.ofSeconds(3)).init());
        assertDoesNotThrow(() -> worker(Duration.ofSeconds(60), Duration.ofSeconds(10)).init());
    }
}
