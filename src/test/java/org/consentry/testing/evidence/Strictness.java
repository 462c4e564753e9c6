package org.consentry.testing.evidence;

import java.util.List;
import java.util.Map;

/**
 * Whether a red duty fails the build: only on a complete run. A run that selects tests (-Dtest,
 * -Dit.test) or skips some (-DskipTests, -DskipITs, -DskipUnitTests) cannot prove every duty, and a
 * profile that runs another suite (cluster) turns it off with compliance.evidence.strict=false.
 */
final class Strictness {

    static final String STRICT = "compliance.evidence.strict";
    private static final List<String> SELECTIONS = List.of("test", "it.test");
    private static final List<String> SKIPS = List.of("skipTests", "skipITs", "skipUnitTests", "maven.test.skip");

    private Strictness() {
    }

    /** Why the run is not strict, or null when it is. */
    static String relaxedBecause(Map<String, String> properties) {
        if (!isTrue(properties.get(STRICT))) {
            return STRICT + " is not true";
        }
        for (String selection : SELECTIONS) {
            if (isSet(properties.get(selection))) {
                return "-D" + selection + " selects tests";
            }
        }
        for (String skip : SKIPS) {
            if (isTrue(properties.get(skip))) {
                return "-D" + skip + " skips tests";
            }
        }
        return null;
    }

    /** Maven passes an undefined property on as its own expression, ${name}. */
    private static boolean isSet(String value) {
        return value != null && !value.isBlank() && !value.startsWith("${");
    }

    private static boolean isTrue(String value) {
        return isSet(value) && !value.strip().equalsIgnoreCase("false");
    }
}
