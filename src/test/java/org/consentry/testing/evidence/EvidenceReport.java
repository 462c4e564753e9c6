package org.consentry.testing.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes target/compliance-evidence.html and .json after the build's tests: each duty of issue 9, the
 * tests tagged with {@link Proves} for it, their results in this build, and the commit. The build runs
 * it in post-integration-test (exec-maven-plugin, java goal, test classpath); on a complete run a duty
 * without a passing test fails the build.
 *
 * <p>Arguments are name=value: target (the build folder), testClasses, basedir, since (ISO instant: the
 * build's start; older reports are not run), db, and the properties {@link Strictness} reads.
 */
public final class EvidenceReport {

    private EvidenceReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path target = Path.of(options.getOrDefault("target", "target"));
        Evidence evidence = evidence(options, target);
        write(evidence, target);
        List<Evidence.DutyEvidence> red = evidence.red();
        System.out.println("[evidence] " + (evidence.duties().size() - red.size()) + " of " + evidence.duties().size()
                + " duties proven; " + target.resolve("compliance-evidence.html"));
        if (red.isEmpty()) {
            return;
        }
        String redList = redSummary(evidence);
        String relaxed = Strictness.relaxedBecause(options);
        if (relaxed != null) {
            System.out.println("[evidence] not proven (not failing the build: " + relaxed + "): " + redList);
            return;
        }
        throw new IllegalStateException("Duties without a passing test (see the test reports and "
                + target.resolve("compliance-evidence.html") + "): " + redList);
    }

    static Evidence evidence(Map<String, String> options, Path target) throws IOException {
        Instant since = Instant.parse(options.getOrDefault("since", Instant.EPOCH.toString()));
        Path testClasses = Path.of(options.getOrDefault("testClasses", target.resolve("test-classes").toString()));
        BuildFacts build = new BuildFacts(BuildFacts.commitOf(Path.of(options.getOrDefault("basedir", "."))),
                options.getOrDefault("db", "unknown"), Instant.now().truncatedTo(ChronoUnit.SECONDS), since);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return Evidence.of(build, TaggedTests.in(testClasses, loader),
                JUnitReports.read(List.of(target.resolve("surefire-reports"), target.resolve("failsafe-reports")), since));
    }

    static void write(Evidence evidence, Path target) throws IOException {
        Files.createDirectories(target);
        Files.writeString(target.resolve("compliance-evidence.html"), EvidenceHtml.of(evidence), StandardCharsets.UTF_8);
        Files.writeString(target.resolve("compliance-evidence.json"), EvidenceJson.of(evidence), StandardCharsets.UTF_8);
    }

    static String redSummary(Evidence evidence) {
        return evidence.red().stream().map(EvidenceReport::describe).collect(Collectors.joining("; "));
    }

    /** A red duty with the tests that kept it red (a passing one is not the reason). */
    private static String describe(Evidence.DutyEvidence d) {
        if (d.tests().isEmpty()) {
            return d.duty().label() + ": no test";
        }
        return d.duty().label() + ": " + d.tests().stream().filter(t -> t.outcome() != Outcome.PASSED)
                .map(t -> t.test().display() + " " + t.outcome().word()).collect(Collectors.joining(", "));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        return options;
    }
}
