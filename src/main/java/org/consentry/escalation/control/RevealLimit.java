package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.RateLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many values an agent may reveal (consentry.reveal.limit per consentry.reveal.window, default 20
 * per PT10M), in a token bucket shared by every server. The token is taken in the reveal's own
 * transaction, before the value is opened: parallel reveals wait for each other and cannot exceed the
 * limit, and a reveal that fails gives its token back. More looks like bulk extraction: refused (429,
 * with Retry-After) and recorded.
 */
@Dependent
public class RevealLimit {

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

    /** Takes one of the agent's reveals: null when there was one, otherwise the problem to end the request with. */
    public ProblemException take(String agent) {
        Optional<Duration> wait = limits.take("reveal", agent, new RateLimits.Rate(limit, window));
        return wait.map(after -> new ProblemException(EXCEEDED, "You revealed " + limit + " values within " + window
                        + ", the limit. Your reveals are recorded for review.")
                .with("limit", limit).with("retryAfterSeconds", ProblemException.wholeSeconds(after)).retryAfter(after))
                .orElse(null);
    }
}
