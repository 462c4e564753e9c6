package org.consentry.testing.evidence;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the test methods tagged with {@link Proves} among the compiled test classes. Classes are
 * loaded without being initialised: no static block of a test (a deployment, a server) runs here.
 */
final class TaggedTests {

    /** What JUnit Jupiter runs as a test; named, so that a missing params module does not matter. */
    private static final Set<String> TEST_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate", "org.junit.jupiter.params.ParameterizedTest");

    private TaggedTests() {
    }

    /** The generator's own tests and their fixtures prove the generator, not a duty: they are left out. */
    static SortedMap<TestRef, Set<Duty>> in(Path testClasses, ClassLoader loader) throws IOException {
        List<Class<?>> types = new ArrayList<>();
        List<String> unloadable = new ArrayList<>();
        for (String name : classNames(testClasses)) {
            if (name.startsWith(TaggedTests.class.getPackageName() + ".")) {
                continue;
            }
            try {
                types.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                unloadable.add(name);
            }
        }
        // left by another profile's build (the benchmarks of -Pbench need JMH): no test of this build
        if (!unloadable.isEmpty()) {
            System.out.println("[evidence] " + unloadable.size() + " test classes not loadable here, left out: "
                    + unloadable.get(0) + (unloadable.size() > 1 ? ", ..." : ""));
        }
        return of(types);
    }

    static SortedMap<TestRef, Set<Duty>> of(List<Class<?>> types) {
        SortedMap<TestRef, Set<Duty>> tagged = new TreeMap<>();
        types.forEach(type -> collect(type, tagged));
        return tagged;
    }

    private static void collect(Class<?> type, SortedMap<TestRef, Set<Duty>> tagged) {
        Set<Duty> ofClass = ofClassAndEnclosing(type);
        Method[] methods;
        try {
            methods = type.getDeclaredMethods();
        } catch (LinkageError e) {
            System.err.println("[evidence] skipped " + type.getName() + ": " + e);
            return;
        }
        for (Method method : methods) {
            Proves proves = method.getAnnotation(Proves.class);
            if (proves == null && (ofClass.isEmpty() || !isTest(method))) {
                continue;
            }
            Set<Duty> duties = EnumSet.noneOf(Duty.class);
            duties.addAll(ofClass);
            if (proves != null) {
                duties.addAll(Set.of(proves.value()));
            }
            tagged.merge(new TestRef(type.getName(), method.getName()), duties, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
    }

    private static Set<Duty> ofClassAndEnclosing(Class<?> type) {
        Set<Duty> duties = EnumSet.noneOf(Duty.class);
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Proves proves = c.getAnnotation(Proves.class);
            if (proves != null) {
                duties.addAll(Set.of(proves.value()));
            }
        }
        return duties;
    }

    private static boolean isTest(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (TEST_ANNOTATIONS.contains(annotation.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> classNames(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString).filter(p -> p.endsWith(".class"))
                    .filter(p -> !p.endsWith("module-info.class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
