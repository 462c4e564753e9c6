package org.consentry.escalation.control;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A name as an agent first sees it: each word's first letter and three stars ("K*** W***"). */
public final class NameMask {

    private NameMask() {
    }

    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        return Arrays.stream(name.strip().split("\\s+"))
                .map(word -> word.substring(0, word.offsetByCodePoints(0, 1)) + "***")
                .collect(Collectors.joining(" "));
    }
}
