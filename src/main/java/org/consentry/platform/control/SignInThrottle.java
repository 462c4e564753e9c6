package org.consentry.platform.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failed sign-ins (HTTP Basic) per user name and per client address, in token buckets every server
 * shares ({@link RateLimits}): {@code consentry.sign-in.user-failures} (5) and
 * {@code consentry.sign-in.address-failures} (50) per {@code consentry.sign-in.window} (PT15M), and a
 * second tier of {@code consentry.sign-in.daily-factor} (4) times as many per day. A failure takes a
 * token from each; an empty bucket locks the name (or the address) until a token is back: the next
 * after three minutes, and, once the day's tier is spent too, after about seventy minutes (the backoff).
 * While locked, every Basic sign-in of the name or from the address is refused, the right password
 * included, so that guessing on gains nothing. A server keeps "not locked" for
 * {@code consentry.sign-in.recheck} (PT2S) before it asks the database again.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Fired when a failure locks a name or an address: {@code user} and {@code address} as the client sent them. */
    public record Locked(String user, String address, Duration lockedFor) {
    }

    static final String USER = "sign-in-user";
    static final String ADDRESS = "sign-in-address";

    @Inject
    RateLimits limits;

    @Inject
    Event<Locked> locked;

    @Inject
    @ConfigProperty(name = "consentry.sign-in.user-failures", defaultValue = "5")
    long userFailures;

    @Inject
    @ConfigProperty(name = "consentry.sign-in.address-failures", defaultValue = "50")
    long addressFailures;

    @Inject
    @ConfigProperty(name = "consentry.sign-in.window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "consentry.sign-in.daily-factor", defaultValue = "4")
    long dailyFactor;

    @Inject
    @ConfigProperty(name = "consentry.sign-in.recheck", defaultValue = "PT2S")
    Duration recheck;

    private Cache<String, Boolean> open;

    @PostConstruct
    void init() {
        open = Caffeine.newBuilder().expireAfterWrite(recheck).maximumSize(10_000).build();
    }

    /** How long the name or the address stays locked; empty when neither is. Takes nothing. */
    public Optional<Duration> lockedFor(String user, String address) {
        String key = user + '\n' + address;
        if (open.getIfPresent(key) != null) {
            return Optional.empty();
        }
        Optional<Duration> wait = longest(List.of(
                wait(ADDRESS, address, addressFailures), wait(USER, user, userFailures)));
        if (wait.isEmpty()) {
            open.put(key, Boolean.TRUE);
        }
        return wait;
    }

    /** Counts a failed sign-in; how long the name or address is now locked, if it is. */
    public Optional<Duration> failed(String user, String address) {
        open.invalidate(user + '\n' + address);
        Optional<Duration> refused = take(ADDRESS, address, addressFailures);
        if (refused.isEmpty()) {
            // a locked address touches no name's bucket: a spray of made-up names from it adds no rows
            refused = take(USER, user, userFailures);
        }
        if (refused.isPresent()) {
            return refused; // locked before this attempt: nothing new to record
        }
        Optional<Duration> now = lockedFor(user, address);
        now.ifPresent(wait -> locked.fire(new Locked(user, address, wait)));
        return now;
    }

    private Optional<Duration> wait(String kind, String who, long limit) {
        return longest(List.of(limits.waitFor(kind, who, shortTier(limit)), limits.waitFor(kind, who, dailyTier(limit))));
    }

    private Optional<Duration> take(String kind, String who, long limit) {
        return longest(List.of(limits.take(kind, who, shortTier(limit)), limits.take(kind, who, dailyTier(limit))));
    }

    private RateLimits.Rate shortTier(long limit) {
        return new RateLimits.Rate(limit, window);
    }

    private RateLimits.Rate dailyTier(long limit) {
        return new RateLimits.Rate(limit * dailyFactor, Duration.ofDays(1));
    }

    private static Optional<Duration> longest(List<Optional<Duration>> waits) {
        return waits.stream().flatMap(Optional::stream).max(Duration::compareTo);
    }
}
