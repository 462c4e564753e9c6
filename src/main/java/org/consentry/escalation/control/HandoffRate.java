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
 * How many new handoffs one bot client (its authenticated name) may make (consentry.handoff.limit per
 * consentry.handoff.window, default 1200 per PT1M), in a bucket shared by every server. The token is
 * taken in a short transaction of its own, not in the handoff's: one client's handoffs must not queue
 * on its bucket's row for as long as each takes to seal and store. What the bucket holds is reported to
 * {@link RateLimitStatus} as policy {@value #POLICY}, for the response's RateLimit header fields.
 */
@Dependent
public class HandoffRate {

    public static final String POLICY = "handoff";
    public static final ProblemType EXCEEDED = new ProblemType("handoff-limit", 429, "Too many handoffs");

    @Inject
    RateLimits limits;

    @Inject
    @ConfigProperty(name = "consentry.handoff.limit", defaultValue = "1200")
    int limit;

    @Inject
    @ConfigProperty(name = "consentry.handoff.window", defaultValue = "PT1M")
    Duration window;

    @Inject
    RateLimitStatus status;

    /** Takes one of the client's handoffs, or throws the 429 that ends the request (nothing was stored). */
    public void take(String client) {
        RateLimits.Rate rate = new RateLimits.Rate(limit, window);
        RateLimits.Probe probe = limits.takeCounted(POLICY, client, rate);
        status.report(POLICY, rate, probe);
        probe.refused().ifPresent(after -> {
            throw new ProblemException(EXCEEDED, "This client handed over " + limit + " conversations within " + window
                    + ", the limit; nothing was stored. Send it again after the time in Retry-After.")
                    .with("limit", limit).with("retryAfterSeconds", ProblemException.wholeSeconds(after)).retryAfter(after);
        });
    }

    /** Reports what is left of the client's handoffs without taking one (a repeated handoff is not counted). */
    public void report(String client) {
        RateLimits.Rate rate = new RateLimits.Rate(limit, window);
        status.report(POLICY, rate, limits.count(POLICY, client, rate));
    }
}
