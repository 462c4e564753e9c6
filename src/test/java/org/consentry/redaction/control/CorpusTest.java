package org.consentry.redaction.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.PiiType;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Precision and recall per detector over the labelled corpus. A finding counts only with the right
 * type and the exact span. Checksummed identifiers must be perfect; the floors of the others are
 * justified in docs/redaction.md.
 */
class CorpusTest {

    private static final Map<PiiType, Double> FLOOR = Map.of(
            PiiType.EMAIL, 0.95, PiiType.PHONE, 0.95, PiiType.IPV4, 0.95, PiiType.IPV6, 0.95);

    private static List<LabelledCorpus.Line> corpus;

    @BeforeAll
    static void load() {
        corpus = LabelledCorpus.load();
    }

    @Test
    void corpusIsLargeAndBilingual() {
        long polish = corpus.stream().filter(l -> l.language().equals("pl")).count();
        long english = corpus.stream().filter(l -> l.language().equals("en")).count();
        assertTrue(corpus.size() >= 150, "at least 150 lines");
        assertTrue(polish >= 0.4 * corpus.size() && english >= 0.4 * corpus.size(), "roughly half each language");
        for (PiiType type : PiiType.values()) {
            assertTrue(corpus.stream().flatMap(l -> l.expected().stream()).filter(f -> f.type() == type).count() >= 4,
                    "the corpus labels at least four of " + type);
        }
    }

    @Test
    @Proves(Duty.GDPR_5_1_C)
    void precisionAndRecallPerDetector() {
        PiiScanner scanner = PiiScanner.standard();
        Map<PiiType, int[]> counts = new EnumMap<>(PiiType.class); // {true positives, false positives, false negatives}
        for (PiiType type : PiiType.values()) {
            counts.put(type, new int[3]);
        }
        List<String> misses = new ArrayList<>();
        for (LabelledCorpus.Line line : corpus) {
            Set<Finding> expected = new HashSet<>(line.expected());
            Set<Finding> found = new HashSet<>(scanner.scan(line.text()));
            for (Finding f : found) {
                counts.get(f.type())[expected.contains(f) ? 0 : 1]++;
                if (!expected.contains(f)) {
                    misses.add("line " + line.number() + " false " + f.type() + ": " + span(line, f));
                }
            }
            for (Finding f : expected) {
                if (!found.contains(f)) {
                    counts.get(f.type())[2]++;
                    misses.add("line " + line.number() + " missed " + f.type() + ": " + span(line, f));
                }
            }
        }
        System.out.println(table(counts));
        misses.forEach(System.out::println);

        List<Executable> checks = new ArrayList<>();
        for (PiiType type : PiiType.values()) {
            int[] c = counts.get(type);
            double floor = FLOOR.getOrDefault(type, 1.0);
            checks.add(() -> assertTrue(precision(c) >= floor, type + " precision " + precision(c) + " < " + floor));
            checks.add(() -> assertTrue(recall(c) >= floor, type + " recall " + recall(c) + " < " + floor));
        }
        for (PiiType checksummed : List.of(PiiType.CARD, PiiType.IBAN, PiiType.PESEL, PiiType.NIP)) {
            checks.add(() -> assertEquals(0, counts.get(checksummed)[1] + counts.get(checksummed)[2], checksummed + " errors"));
        }
        assertAll(checks);
    }

    private static String span(LabelledCorpus.Line line, Finding f) {
        // synthetic test data only: these values belong to no one
        return "[" + line.text().substring(f.start(), f.end()) + "]";
    }

    private static String table(Map<PiiType, int[]> counts) {
        StringBuilder t = new StringBuilder("\n| detector | labelled | found | correct | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        counts.forEach((type, c) -> t.append(String.format("| %s | %d | %d | %d | %.3f | %.3f |%n",
                type, c[0] + c[2], c[0] + c[1], c[0], precision(c), recall(c))));
        return t.toString();
    }

    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }
}
