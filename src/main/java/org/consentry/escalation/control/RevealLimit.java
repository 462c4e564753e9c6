package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.RateLimitStatus;
import org.consentry.platform.control.RateLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many values an agent may reveal (consentry.reveal.limit per consentry.reveal.window, default 20
 * per PT10M), in a token bucket shared by every server. The token is taken in the reveal's own
 * transaction, before the value is opened: parallel reveals wait for each other and cannot exceed the
 * limit, and a reveal that fails gives its token back. More looks like bulk extraction: refused (429,
 * with Retry-After) and recorded. What the bucket holds is reported to {@link RateLimitStatus} as policy
 * {@value #POLICY}, for the response's RateLimit header fields.
 */
@Dependent
public class RevealLimit {

    public static final String POLICY = "reveal";
    public static final ProblemType EXCEEDED = new ProblemType("reveal-limit", 429, "Too many reveals");
    public static final String ACTION = "escalation.reveal";

    @Inject
    RateLimits limits;

    @Inject
    @ConfigProperty(name = "consentry.reveal.limit", defaultValue = "20")
    int limit;

    @Inject
    @ConfigProperty(name = "consentry.reveal.window", defaultValue = "PT10M")
    Duration window;

    @Inject
    RateLimitStatus status;

    /** Takes one of the agent's reveals: null when there was one, otherwise the problem to end the request with. */
    public ProblemException take(String agent) {
        RateLimits.Rate rate = new RateLimits.Rate(limit, window);
        RateLimits.Probe probe = limits.takeCounted(POLICY, agent, rate);
        status.report(POLICY, rate, probe);
        return probe.refused().map(after -> new ProblemException(EXCEEDED, "You revealed " + limit + " values within " + window
                        + ", the limit. Your reveals are recorded for review.")
                .with("limit", limit).with("retryAfterSeconds", ProblemException.wholeSeconds(after)).retryAfter(after))
                .orElse(null);
    }
}
