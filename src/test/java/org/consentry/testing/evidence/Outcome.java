package org.consentry.testing.evidence;

import java.util.Collection;

/** What became of a test in this build. Declared from worst to best, so that the worst of several runs wins. */
public enum Outcome {
    FAILED("failed"), ERRORED("errored"), PASSED("passed"), SKIPPED("skipped"), NOT_RUN("not run");

    private final String word;

    Outcome(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /**
     * One outcome for all runs of a test (a parameterized test runs many times): any failure or error
     * decides, then any pass; a test only skipped, or never run, proves nothing.
     */
    static Outcome of(Collection<Outcome> runs) {
        return runs.stream().min(Enum::compareTo).orElse(NOT_RUN);
    }
}
