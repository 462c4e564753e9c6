package org.consentry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The component map (architecture/components.properties): each component of org.consentry and the
 * components it uses directly. ArchitectureTest holds the code to it; Deployments deploys a component with
 * what it may use.
 */
public final class Components {

    private static final String SOURCE = "architecture/components.properties";

    private final Map<String, List<String>> uses;

    private Components(Map<String, List<String>> uses) {
        this.uses = uses;
    }

    public static Components map() {
        Properties read = new Properties();
        try (InputStream in = Components.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is not on the test class path");
            }
            read.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> uses = new LinkedHashMap<>();
        read.stringPropertyNames().stream().sorted().forEach(component -> uses.put(component,
                Arrays.stream(read.getProperty(component).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
        return new Components(uses);
    }

    public Set<String> names() {
        return uses.keySet();
    }

    /** The components it names directly. */
    public List<String> directlyUsed(String component) {
        List<String> direct = uses.get(component);
        if (direct == null) {
            throw new IllegalArgumentException("unknown component " + component + ": add it to " + SOURCE);
        }
        return direct;
    }

    /** The components given, with every component they may use, directly or through another. */
    public Set<String> withWhatTheyUse(String... components) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(components));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            List<String> direct = directlyUsed(next);
            if (all.add(next)) {
                todo.addAll(direct);
            }
        }
        return all;
    }

    /** What a component may use: everything below it on the map, itself excluded. */
    public Set<String> below(String component) {
        Set<String> below = withWhatTheyUse(directlyUsed(component).toArray(String[]::new));
        below.remove(component);
        return below;
    }
}
