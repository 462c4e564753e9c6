package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the RateLimit fields: tokens left, seconds until the bucket is full, the policy's window. */
class RateLimitStatusTest {

    static final RateLimits.Rate HANDOFF = new RateLimits.Rate(1200, Duration.ofMinutes(1));
    static final RateLimits.Rate REVEAL = new RateLimits.Rate(20, Duration.ofMinutes(10));

    @Test
    void aFullBucketIsFullNow() {
        assertEquals(Duration.ZERO, REVEAL.untilFull(20));
        assertEquals(0, reported(REVEAL, 20).resetSeconds());
    }

    @Test
    void eachMissingTokenTakesAWindowOverTheLimitToComeBack() {
        // 20 per 10 minutes: one token every 30 s
        assertEquals(Duration.ofSeconds(30), REVEAL.untilFull(19));
        assertEquals(Duration.ofSeconds(600), REVEAL.untilFull(0));
        assertEquals(30, reported(REVEAL, 19).resetSeconds());
        assertEquals(570, reported(REVEAL, 1).resetSeconds());
    }

    @Test
    void aFractionOfASecondIsRoundedUp() {
        // 1200 per minute: one token every 50 ms; 1 missing is 0.05 s -> 1, 21 missing 1.05 s -> 2, 20 missing exactly 1
        assertEquals(Duration.ofMillis(50), HANDOFF.untilFull(1199));
        assertEquals(1, reported(HANDOFF, 1199).resetSeconds());
        assertEquals(1, reported(HANDOFF, 1180).resetSeconds());
        assertEquals(2, reported(HANDOFF, 1179).resetSeconds());
        // 7 per hour: 3600/7 = 514.28... s per token
        RateLimits.Rate seven = new RateLimits.Rate(7, Duration.ofHours(1));
        assertEquals(515, reported(seven, 6).resetSeconds());
        assertEquals(3086, reported(seven, 1).resetSeconds());
        assertEquals(3600, reported(seven, 0).resetSeconds());
    }

    @Test
    void noOverflowForLongWindowsAndLargeLimits() {
        RateLimits.Rate big = new RateLimits.Rate(Long.MAX_VALUE / 1000, Duration.ofDays(365));
        assertEquals(Duration.ofDays(365), big.untilFull(0));
    }

    @Test
    void remainingOutsideTheBucketIsClamped() {
        assertEquals(Duration.ZERO, REVEAL.untilFull(25));
        assertEquals(Duration.ofMinutes(10), REVEAL.untilFull(-3));
    }

    @Test
    void thePolicyStatesTheConfiguredQuotaAndWindowInSeconds() {
        RateLimitStatus.Reported handoff = reported(HANDOFF, 1199);
        assertEquals("handoff", handoff.policy());
        assertEquals(1200, handoff.quota());
        assertEquals(60, handoff.windowSeconds());
        assertEquals(1199, handoff.remaining());
        assertEquals(1, RateLimitStatus.Reported.of("x", new RateLimits.Rate(1, Duration.ofMillis(200)),
                new RateLimits.Probe(0, Duration.ZERO, Optional.empty())).windowSeconds(), "a window is at least 1 s");
    }

    @Test
    void aRefusalHasNothingLeftAndResetsWhenRetryAfterSays() {
        Duration wait = Duration.ofMillis(29_001);
        RateLimitStatus.Reported refused = RateLimitStatus.Reported.of("reveal", REVEAL,
                new RateLimits.Probe(0, REVEAL.untilFull(0), Optional.of(wait)));
        assertEquals(0, refused.remaining());
        assertEquals(ProblemException.wholeSeconds(wait), refused.resetSeconds());
        assertEquals(30, refused.resetSeconds());
    }

    @Test
    void theLastReportOfARequestCounts() {
        RateLimitStatus status = new RateLimitStatus();
        assertTrue(status.reported().isEmpty());
        status.report("reveal", REVEAL, new RateLimits.Probe(5, REVEAL.untilFull(5), Optional.empty()));
        status.report("reveal", REVEAL, new RateLimits.Probe(4, REVEAL.untilFull(4), Optional.empty()));
        assertEquals(4, status.reported().orElseThrow().remaining());
    }

    private static RateLimitStatus.Reported reported(RateLimits.Rate rate, long remaining) {
        return RateLimitStatus.Reported.of(rate == HANDOFF ? "handoff" : "reveal", rate,
                new RateLimits.Probe(remaining, rate.untilFull(remaining), Optional.empty()));
    }
}
