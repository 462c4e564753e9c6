package org.consentry.platform.control;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the values of one metric tag on this server: the first {@code max} distinct values are kept as
 * they are, every later one becomes {@link #OTHER}. A tag whose value an attacker chooses (the client a
 * refused token claims, an address) would otherwise make a new time series per request and grow the
 * registry, and every scrape, without end. The first values seen stay for the server's life: a restart
 * starts over.
 */
public final class CappedTags {

    public static final String OTHER = "other";

    private final int max;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public CappedTags(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("a cap of at least 0 values: " + max);
        }
        this.max = max;
    }

    /** {@code value} itself while it is known or there is room for it; {@link #OTHER} once the cap is reached. */
    public String tag(String value) {
        if (known.contains(value)) {
            return value;
        }
        synchronized (known) {
            if (known.size() < max) {
                known.add(value);
                return value;
            }
        }
        return OTHER;
    }

    /** How many distinct values are kept. */
    public int size() {
        return known.size();
    }
}
