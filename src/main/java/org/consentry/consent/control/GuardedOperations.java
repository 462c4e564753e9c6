package org.consentry.consent.control;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The operations guarded by consent (class.method) per purpose, as the deployment declares them: what the
 * record of processing lists. A bean the consent guard's deployment check (GuardedPurposesCheck, a CDI
 * extension at the boundary) adds once it has seen every guarded method, so a control can read it
 * without knowing the boundary.
 */
public final class GuardedOperations {

    private final SortedMap<String, List<String>> byPurpose;

    public GuardedOperations(SortedMap<String, List<String>> byPurpose) {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        byPurpose.forEach((purpose, where) -> copy.put(purpose, where.stream().distinct().sorted().toList()));
        this.byPurpose = java.util.Collections.unmodifiableSortedMap(copy);
    }

    public SortedMap<String, List<String>> byPurpose() {
        return byPurpose;
    }
}
