package org.consentry.testing.evidence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every duty with the tests tagged as proving it and what became of them in this build. A duty is
 * green with at least one passing test and none failing: a skipped test or one never run proves nothing.
 */
record Evidence(BuildFacts build, List<DutyEvidence> duties) {

    /** One tagged test: its outcome over all its runs, and how many runs the reports hold. */
    record TestEvidence(TestRef test, Outcome outcome, int runs) {
    }

    record DutyEvidence(Duty duty, List<TestEvidence> tests) {

        boolean green() {
            return tests.stream().anyMatch(t -> t.outcome() == Outcome.PASSED)
                    && tests.stream().noneMatch(t -> t.outcome() == Outcome.FAILED || t.outcome() == Outcome.ERRORED);
        }

        long count(Outcome outcome) {
            return tests.stream().filter(t -> t.outcome() == outcome).count();
        }
    }

    static Evidence of(BuildFacts build, Map<TestRef, Set<Duty>> tagged, List<ReportedCase> reported) {
        Map<Duty, List<TestEvidence>> byDuty = new EnumMap<>(Duty.class);
        for (Duty duty : Duty.values()) {
            byDuty.put(duty, new ArrayList<>());
        }
        tagged.forEach((test, duties) -> {
            List<Outcome> runs = reported.stream()
                    .filter(c -> c.className().equals(test.className()) && c.isRunOf(test.method()))
                    .map(ReportedCase::outcome).toList();
            TestEvidence evidence = new TestEvidence(test, Outcome.of(runs), runs.size());
            duties.forEach(duty -> byDuty.get(duty).add(evidence));
        });
        List<DutyEvidence> duties = new ArrayList<>();
        byDuty.forEach((duty, tests) -> duties.add(new DutyEvidence(duty, List.copyOf(tests))));
        return new Evidence(build, List.copyOf(duties));
    }

    List<DutyEvidence> red() {
        return duties.stream().filter(d -> !d.green()).toList();
    }

    /** Distinct tagged tests, whatever the number of duties each proves. */
    long tests(Outcome outcome) {
        return duties.stream().flatMap(d -> d.tests().stream()).distinct().filter(t -> t.outcome() == outcome).count();
    }

    long tests() {
        return duties.stream().flatMap(d -> d.tests().stream()).distinct().count();
    }
}
