package org.consentry.platform.control;

import jakarta.enterprise.context.RequestScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The rate limit that the current request counted against, for the response's RateLimit header fields
 * (written by platform.boundary.RateLimitHeaders). A limiter reports here after it took (or looked at)
 * the caller's bucket; a request that no limiter reported to gets no such fields. It holds only the
 * policy's name and numbers, never who the caller is.
 */
@RequestScoped
public class RateLimitStatus {

    /**
     * A policy ({@code quota} per {@code windowSeconds}) and the caller's state in it: {@code remaining}
     * tokens, full again in {@code resetSeconds}; on a refusal none remain and {@code resetSeconds} is the
     * Retry-After.
     */
    public record Reported(String policy, long quota, long windowSeconds, long remaining, long resetSeconds) {

        public static Reported of(String policy, RateLimits.Rate rate, RateLimits.Probe probe) {
            long window = Math.max(1, ceilSeconds(rate.window()));
            return probe.refused()
                    .map(wait -> new Reported(policy, rate.limit(), window, 0, ProblemException.wholeSeconds(wait)))
                    .orElseGet(() -> new Reported(policy, rate.limit(), window, probe.remaining(),
                            ceilSeconds(probe.untilFull())));
        }
    }

    private Reported reported;

    /** Records what the limiter of {@code policy} found; a later report in the same request replaces it. */
    public void report(String policy, RateLimits.Rate rate, RateLimits.Probe probe) {
        reported = Reported.of(policy, rate, probe);
    }

    public Optional<Reported> reported() {
        return Optional.ofNullable(reported);
    }

    /** Whole seconds, rounded up: 0 stays 0 (a full bucket). */
    static long ceilSeconds(Duration duration) {
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }
}
