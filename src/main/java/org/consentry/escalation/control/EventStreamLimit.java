package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.RateLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many event streams one agent may hold open at once, on all servers together
 * (consentry.events.max-streams, default 5): a bucket of that many tokens, one taken per stream and
 * given back when the server sees the stream closed. A token lost with a server that died comes back
 * within consentry.events.reclaim (default PT1H), the bucket's refill period.
 */
@Dependent
public class EventStreamLimit {

    public static final ProblemType EXCEEDED = new ProblemType("event-stream-limit", 429, "Too many open event streams");

    @Inject
    RateLimits limits;

    @Inject
    @ConfigProperty(name = "consentry.events.max-streams", defaultValue = "5")
    int maxStreams;

    @Inject
    @ConfigProperty(name = "consentry.events.reclaim", defaultValue = "PT1H")
    Duration reclaim;

    /** Takes a stream for {@code agent}, or throws the 429 that refuses it. */
    public void open(String agent) {
        limits.take("events", agent, rate()).ifPresent(after -> {
            throw new ProblemException(EXCEEDED, "You have " + maxStreams + " event streams open, the limit; close one"
                    + " (a closed stream is noticed within seconds) and connect again.")
                    .with("limit", maxStreams).retryAfter(Duration.ofSeconds(Math.min(15, after.toSeconds() + 1)));
        });
    }

    /** The stream of {@code agent} ended: its place is free again. */
    public void closed(String agent) {
        limits.giveBack("events", agent, rate());
    }

    private RateLimits.Rate rate() {
        return new RateLimits.Rate(maxStreams, reclaim);
    }
}
