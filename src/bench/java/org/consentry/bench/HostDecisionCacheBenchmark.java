package org.consentry.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client jar's decision cache (issue 26) under the traffic of docs/load.md, replayed on a simulated
 * clock through the cache's own code: ten minutes of guarded calls at a scenario's measured rate, each for
 * a subject drawn as that scenario draws them, with Consentry's answers remembered for the default
 * consentry.host.decision-ttl (PT30S) and a pushed consent change dropping the changed subject's answer.
 * Printed: the hits and misses (each miss is one question to Consentry) of one replay, and the hit rate in
 * basis points (9 989 is 99.89%). The replay is seeded: its figures are the same on every run; the time it
 * takes is not the point.
 * Profiles (rates from docs/load.md, one server, fixed-rate rows):
 * read: 1 526 calls/s over the 50 subjects of the read scenario, no consent changes;
 * consent: 1 526 calls/s over the consent scenario's 500 subjects while their consents change at its
 * 1 159 grants/s, every change pushed;
 * handoff: 656 calls/s, each for a new subject (every handoff is a new customer).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 1)
@Measurement(iterations = 1)
public class HostDecisionCacheBenchmark {

    @Param({"read", "consent", "handoff"})
    public String profile;

    static final long SECONDS = 600;
    static final long TTL = Duration.ofSeconds(30).toNanos();

    /** What the replay counted: JMH prints these beside the time it took. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Counted {
        public long hits;
        public long misses;

        /** Per ten thousand calls, to read as a percentage with two decimals. */
        public long hitRateBasisPoints;

        @Setup(Level.Iteration)
        public void clear() {
            hits = 0;
            misses = 0;
            hitRateBasisPoints = 0;
        }
    }

    private Constructor<?> newCache;
    private Constructor<?> newKey;
    private Method get;
    private Method put;
    private Method forget;

    @Setup
    public void setUp() throws Exception {
        Class<?> cacheType = Class.forName("org.consentry.client.DecisionCache");
        Class<?> keyType = Class.forName("org.consentry.client.DecisionCache$Key");
        newCache = cacheType.getDeclaredConstructor(int.class, LongSupplier.class);
        newKey = keyType.getDeclaredConstructor(String.class, String.class);
        get = cacheType.getDeclaredMethod("get", keyType);
        put = cacheType.getDeclaredMethod("put", keyType, boolean.class, long.class);
        forget = cacheType.getDeclaredMethod("forget", keyType);
        for (var m : new java.lang.reflect.AccessibleObject[] {newCache, newKey, get, put, forget}) {
            m.setAccessible(true);
        }
    }

    @Benchmark
    public long replay(Counted counted) throws Exception {
        long[] now = {0};
        Object cache = newCache.newInstance(100_000, (LongSupplier) () -> now[0]);
        SplittableRandom random = new SplittableRandom(26);
        double calls = switch (profile) {
            case "read", "consent" -> 1_526;
            default -> 656;
        };
        int subjects = profile.equals("read") ? 50 : 500;
        double changes = profile.equals("consent") ? 1_159 : 0;
        long callEvery = (long) (1e9 / calls);
        long changeEvery = changes == 0 ? Long.MAX_VALUE : (long) (1e9 / changes);
        long nextChange = changeEvery;
        long fresh = 0;
        for (now[0] = 0; now[0] < SECONDS * 1_000_000_000L; now[0] += callEvery) {
            while (nextChange <= now[0]) {
                forget.invoke(cache, newKey.newInstance("cust-" + random.nextInt(subjects), "crm-sync"));
                nextChange += changeEvery;
            }
            String subject = profile.equals("handoff") ? "new-" + fresh++ : "cust-" + random.nextInt(subjects);
            Object key = newKey.newInstance(subject, "crm-sync");
            if (get.invoke(cache, key) != null) {
                counted.hits++;
            } else {
                counted.misses++;
                put.invoke(cache, key, true, TTL);
            }
        }
        counted.hitRateBasisPoints = counted.hits * 10_000 / (counted.hits + counted.misses);
        return counted.hits;
    }
}
