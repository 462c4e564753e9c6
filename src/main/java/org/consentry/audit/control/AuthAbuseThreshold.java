package org.consentry.audit.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.consentry.platform.control.AuthRefusal;
import org.consentry.platform.control.RateLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals per address and per claimed client, in token buckets every server shares ({@link RateLimits}):
 * {@code consentry.alerts.auth-abuse.address-refusals} (50) per address and
 * {@code consentry.alerts.auth-abuse.client-refusals} (20) per client of a kind (a typed user name, a
 * token's claimed client) per {@code consentry.alerts.auth-abuse.window} (PT15M). The refusal that takes
 * a bucket's last token crosses its threshold; a second bucket of one token per window lets only the first
 * crossing of a window be reported, on whichever server saw it. Once a bucket is spent or reported, this
 * server stops asking the database about it for a window: a flood costs at most a threshold's worth of
 * database writes per address or client and server and window, and adds no audit entry. An address past
 * its threshold touches no client's bucket, so a spray of made-up client ids from it adds no rows.
 */
@ApplicationScoped
public class AuthAbuseThreshold {

    static final String CLIENT = "abuse-client";
    static final String ADDRESS = "abuse-address";
    static final String REPORTED = "-reported";

    @Inject
    RateLimits limits;

    @Inject
    @ConfigProperty(name = "consentry.alerts.auth-abuse.client-refusals", defaultValue = "20")
    long clientRefusals;

    @Inject
    @ConfigProperty(name = "consentry.alerts.auth-abuse.address-refusals", defaultValue = "50")
    long addressRefusals;

    @Inject
    @ConfigProperty(name = "consentry.alerts.auth-abuse.window", defaultValue = "PT15M")
    Duration window;

    private Cache<String, Boolean> quiet;

    @PostConstruct
    void init() {
        new RateLimits.Rate(Math.min(clientRefusals, addressRefusals), window); // a bad setting stops the start
        quiet = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(10_000).build();
    }

    /** Made at start, so that a bad setting stops the start instead of the first refusal's count. */
    void verify(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // @PostConstruct has checked the settings
    }

    /** Counts the refusal; the threshold it crossed ({@code address} or {@code client}), if it crossed one now. */
    public Optional<String> count(AuthRefusal refusal) {
        if (crossed(ADDRESS, refusal.address(), addressRefusals)) {
            return Optional.of("address");
        }
        if (refusal.client() == null || quiet.getIfPresent(ADDRESS + '\n' + refusal.address()) != null) {
            return Optional.empty();
        }
        return crossed(CLIENT, refusal.kind().tag() + '\n' + refusal.client(), clientRefusals)
                ? Optional.of("client") : Optional.empty();
    }

    public long threshold(String crossed) {
        return "address".equals(crossed) ? addressRefusals : clientRefusals;
    }

    public Duration window() {
        return window;
    }

    private boolean crossed(String kind, String who, long limit) {
        String key = kind + '\n' + who;
        if (quiet.getIfPresent(key) != null) {
            return false;
        }
        RateLimits.Probe probe = limits.takeCounted(kind, who, new RateLimits.Rate(limit, window));
        if (probe.refused().isEmpty() && probe.remaining() > 0) {
            return false; // below the threshold
        }
        quiet.put(key, Boolean.TRUE);
        // spent before (refused): reported by whoever crossed it; spent now: the first crossing of the window reports
        return probe.refused().isEmpty() && limits.take(kind + REPORTED, who, new RateLimits.Rate(1, window)).isEmpty();
    }
}
