package org.consentry.outbox.control;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with full jitter: attempt n waits a random time up to min(cap, base * 2^n). */
public record Backoff(Duration base, Duration cap) {

    public Duration after(int attempts) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempts, 30));
        long floor = Math.max(1, ceiling / 2);
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }
}
