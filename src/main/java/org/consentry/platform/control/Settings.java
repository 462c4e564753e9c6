package org.consentry.platform.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads configuration families whose keys are made of ids ({@code consentry.purposes.<id>.basis}),
 * which cannot be injected one by one. A missing required key fails with its name, so that a
 * misconfigured server refuses to start instead of guessing.
 */
public final class Settings {

    private final Function<String, Optional<String>> lookup;
    private final List<String> problems = new ArrayList<>();

    public Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public Optional<String> optional(String key) {
        return lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String required(String key) {
        return optional(key).orElseGet(() -> {
            problems.add("missing " + key);
            return "";
        });
    }

    public List<String> list(String key) {
        return optional(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Records a problem found while interpreting a value; {@link #verify()} reports them all at once. */
    public void problem(String text) {
        problems.add(text);
    }

    public void verify(String what) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid " + what + " configuration: " + String.join("; ", problems));
        }
    }
}
