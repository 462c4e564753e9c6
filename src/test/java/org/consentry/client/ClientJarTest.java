package org.consentry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client jar runs where Consentry's classes are not: it refers to none of them. */
class ClientJarTest {

    static final Pattern CONSENTRY_CLASS = Pattern.compile("org/consentry/([a-z]+)/");

    @Test
    void theClientRefersToNoClassOfConsentrysWar() throws IOException {
        List<String> found = new ArrayList<>();
        Path classes = Path.of("target/classes/org/consentry/client");
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Matcher names = CONSENTRY_CLASS.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (names.find()) {
                    if (!names.group(1).equals("client")) {
                        found.add(file.getFileName() + " -> " + names.group());
                    }
                }
            }
        }
        assertTrue(Files.exists(classes.resolve("ConsentCheck.class")), "the classes were read");
        assertEquals(List.of(), found);
    }

    static class Guarded {
        @RequiresConsent("crm-sync")
        void sync(String note, @SubjectId String subject) {
        }

        @RequiresConsent("crm-sync")
        void unmarked(String subject) {
        }
    }

    @Test
    void theSubjectIsTheMarkedParameterAndAMissingOrBlankOneIsTheHostsMistake() throws Exception {
        Method sync = Guarded.class.getDeclaredMethod("sync", String.class, String.class);
        assertEquals(new ConsentCheck.Plan("crm-sync", 1, "Guarded.sync"), ConsentCheck.plan(sync));
        assertEquals("s-7", ConsentCheck.subjectOf(sync, new Object[] {"note", "s-7"}));
        assertThrows(IllegalArgumentException.class, () -> ConsentCheck.subjectOf(sync, new Object[] {"note", " "}));
        Method unmarked = Guarded.class.getDeclaredMethod("unmarked", String.class);
        assertThrows(IllegalArgumentException.class, () -> ConsentCheck.subjectOf(unmarked, new Object[] {"s-7"}));
    }
}
