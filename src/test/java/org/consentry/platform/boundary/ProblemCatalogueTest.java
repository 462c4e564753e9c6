package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.consentry.platform.control.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * The problem types the OpenAPI document lists (META-INF/consentry/problem-types.tsv) are exactly the ones
 * the code declares: every static ProblemType constant of the WAR's classes, found by walking them. A type
 * added to the code without the catalogue, or left in the catalogue after the code dropped it, fails here.
 */
class ProblemCatalogueTest {

    @Test
    void theCatalogueListsEveryProblemTypeTheCodeDeclares() throws Exception {
        List<String> declared = declaredTypes().stream()
                .map(t -> t.slug() + "\t" + t.status() + "\t" + t.title()).distinct().sorted().toList();
        List<String> catalogue = ProblemCatalogue.entries().stream()
                .map(t -> t.slug() + "\t" + t.status() + "\t" + t.title()).sorted().toList();
        assertEquals(String.join("\n", declared), String.join("\n", catalogue),
                "src/main/resources/" + ProblemCatalogue.RESOURCE + " must hold, one per line, what the code declares");
        assertTrue(catalogue.size() > 30, "the walk found " + catalogue.size() + " problem types");
    }

    @Test
    void eachTypeUriIsTheTagUriClientsMatchOn() {
        for (ProblemType type : ProblemCatalogue.entries()) {
            assertEquals("tag:consentry.org,2026:problems/" + type.slug(), type.type().toString());
        }
    }

    private static List<ProblemType> declaredTypes() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> !name.startsWith("org.consentry.client."))
                    .sorted(Comparator.naturalOrder())
                    .flatMap(ProblemCatalogueTest::constants)
                    .toList();
        }
    }

    private static Stream<ProblemType> constants(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, ProblemCatalogueTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Stream.empty();
        }
        return Stream.of(type.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == ProblemType.class)
                .map(ProblemCatalogueTest::value);
    }

    private static ProblemType value(Field field) {
        try {
            field.setAccessible(true);
            return (ProblemType) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(field + " cannot be read", e);
        }
    }
}
