package org.consentry.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Consentry's answers, each kept for the time Consentry allowed (never longer than the host's own bound),
 * at most {@code capacity} at once, dropped at once when Consentry says the consent changed. Written for
 * the jar, with the JDK only: a host adds one jar and no library that could clash with its own.
 */
final class DecisionCache {

    record Key(String subjectId, String purpose) {
    }

    private record Remembered(boolean allowed, long untilNanos) {
    }

    private final Map<Key, Remembered> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final LongSupplier clock;

    DecisionCache(int capacity, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.clock = nanoClock;
    }

    /** The remembered answer, if there is one still valid: null otherwise. */
    Boolean get(Key key) {
        Remembered known = entries.get(key);
        if (known == null) {
            return null;
        }
        if (clock.getAsLong() - known.untilNanos() >= 0) {
            entries.remove(key, known);
            return null;
        }
        return known.allowed();
    }

    void put(Key key, boolean allowed, long forNanos) {
        if (forNanos <= 0) {
            return;
        }
        if (entries.size() >= capacity) {
            long now = clock.getAsLong();
            entries.values().removeIf(r -> now - r.untilNanos() >= 0);
            if (entries.size() >= capacity) {
                entries.clear(); // full of live answers: start over rather than grow (the next calls ask again)
            }
        }
        entries.put(key, new Remembered(allowed, clock.getAsLong() + forNanos));
    }

    void forget(Key key) {
        entries.remove(key);
    }

    /** Every answer about the subject (it was erased). */
    void forgetSubject(String subjectId) {
        entries.keySet().removeIf(k -> k.subjectId().equals(subjectId));
    }

    int size() {
        return entries.size();
    }
}
