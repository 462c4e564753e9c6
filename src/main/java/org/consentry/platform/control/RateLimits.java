package org.consentry.platform.control;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Token buckets shared by every server on the database (Bucket4j over rate_bucket, {@link RateBuckets}).
 * A token is taken in the caller's transaction: requests for one bucket queue on its row, so parallel
 * requests never take more than the bucket holds, and a rollback gives the token back. Where no
 * transaction runs (the sign-in filter) each call is one of its own: a technical transaction (see the
 * package), since controls of higher components take tokens too.
 */
@ApplicationScoped
public class RateLimits {

    /** At most {@code limit} in any {@code window}, refilled evenly over the window (Bucket4j's greedy refill). */
    public record Rate(long limit, Duration window) {

        public Rate {
            if (limit < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate needs a limit of at least 1 and a positive window: "
                        + limit + " per " + window);
            }
        }

        /**
         * How long until a bucket with {@code remaining} tokens is full again: the greedy refill adds
         * {@code limit} tokens per {@code window} evenly, so (limit - remaining) * window / limit, rounded up
         * to the nanosecond (an upper bound: the refill's fraction of the next token is not counted).
         */
        public Duration untilFull(long remaining) {
            long missing = Math.max(0, limit - Math.max(0, remaining));
            BigInteger[] nanos = BigInteger.valueOf(window.toNanos()).multiply(BigInteger.valueOf(missing))
                    .divideAndRemainder(BigInteger.valueOf(limit));
            return Duration.ofNanos(nanos[0].longValueExact() + (nanos[1].signum() > 0 ? 1 : 0));
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(this.limit).refillGreedy(this.limit, window))
                    .build();
        }
    }

    /**
     * What a bucket held after a take (or a look, {@link #count}): the tokens left, how long until it is
     * full again, and, when the take was refused, how long until it has a token.
     */
    public record Probe(long remaining, Duration untilFull, Optional<Duration> refused) {
    }

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    private volatile RateBuckets buckets;

    /**
     * Takes one token from {@code who}'s bucket of {@code kind}: empty when it had one, otherwise how long
     * until it has one again. The bucket's key holds the rate, so a changed limit starts new buckets.
     */
    @Transactional
    public Optional<Duration> take(String kind, String who, Rate rate) {
        return takeCounted(kind, who, rate).refused();
    }

    /** {@link #take}, answering also what is left in the bucket (for the RateLimit header fields). */
    @Transactional
    public Probe takeCounted(String kind, String who, Rate rate) {
        ConsumptionProbe probe = buckets().builder().build(key(kind, who, rate), rate::configuration)
                .tryConsumeAndReturnRemaining(1);
        long remaining = Math.max(0, probe.getRemainingTokens());
        return new Probe(remaining, rate.untilFull(remaining), probe.isConsumed()
                ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** What is left in {@code who}'s bucket of {@code kind}, taking nothing ({@link Probe#refused} always empty). */
    @Transactional
    public Probe count(String kind, String who, Rate rate) {
        EstimationProbe probe = buckets().builder().build(key(kind, who, rate), rate::configuration).estimateAbilityToConsume(1);
        long remaining = Math.max(0, probe.getRemainingTokens());
        return new Probe(remaining, rate.untilFull(remaining), Optional.empty());
    }

    /** How long until {@code who}'s bucket of {@code kind} has a token again; empty when it has one now. Takes nothing. */
    @Transactional
    public Optional<Duration> waitFor(String kind, String who, Rate rate) {
        EstimationProbe probe = buckets().builder().build(key(kind, who, rate), rate::configuration).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Deletes the buckets past their expiry (full again: a new bucket would say the same) among the first
     * {@code batch} found, and answers how many it found: fewer than {@code batch}, none are left. Each
     * row is checked again as it is deleted, so a bucket that a request took a token from meanwhile (and
     * so moved its expiry) stays. In the caller's transaction (RateBucketPruneBatch opens one).
     */
    public int pruneExpired(int batch) {
        long now = clock.millis();
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT id FROM rate_bucket WHERE expires_at < ?1")
                .setParameter(1, now).setMaxResults(batch).getResultList();
        for (String id : ids) {
            em.createNativeQuery("DELETE FROM rate_bucket WHERE id = ?1 AND expires_at < ?2")
                    .setParameter(1, id).setParameter(2, now).executeUpdate();
        }
        return ids.size();
    }

    /** Gives a token back, e.g. when what it was taken for did not happen (a closed event stream). */
    @Transactional
    public void giveBack(String kind, String who, Rate rate) {
        buckets().builder().build(key(kind, who, rate), rate::configuration).addTokens(1);
    }

    private RateBuckets buckets() {
        RateBuckets current = buckets;
        if (current == null) {
            try {
                current = new RateBuckets(() -> Jdbc.connection(em), Jdbc.Dialect.of(Jdbc.connection(em)), clock);
            } catch (SQLException e) {
                throw new IllegalStateException("the database of the rate limits cannot be reached", e);
            }
            buckets = current;
        }
        return current;
    }

    /** kind, rate and a SHA-256 of who: bounded, and no user name or address in clear in the table. */
    static String key(String kind, String who, Rate rate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(who.getBytes(StandardCharsets.UTF_8));
            return kind + ":" + rate.limit() + "/" + rate.window() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
