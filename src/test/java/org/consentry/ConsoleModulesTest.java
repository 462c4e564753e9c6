package org.consentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's ES modules import each other without a circle, and app.js only composes: no page imports
 * it. (The same as `npx madge --circular --extensions js src/main/webapp/console/js`, without npm.)
 */
class ConsoleModulesTest {

    private static final Path MODULES = Path.of("src", "main", "webapp", "console", "js");
    /** A static import or re-export of a module of the console, by relative path. */
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*(?:import|export)\\b[^;]*?\\bfrom\\s+'\\./([\\w.-]+\\.js)'");

    private static final Map<String, List<String>> imports = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(MODULES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                imports.put(file.getFileName().toString(), importsOf(Files.readString(file)));
            }
        }
    }

    static List<String> importsOf(String source) {
        List<String> found = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyImportedModuleExists() {
        imports.forEach((module, used) -> used.forEach(u ->
                assertTrue(imports.containsKey(u), module + " imports " + u + ", which is not in " + MODULES)));
    }

    @Test
    void noModuleIsItsOwnImport() {
        List<String> circles = new ArrayList<>();
        for (String start : imports.keySet()) {
            circle(start, new ArrayList<>(List.of(start)), circles);
        }
        assertEquals(List.of(), circles);
    }

    @Test
    void appOnlyComposes() {
        imports.forEach((module, used) -> assertTrue(!used.contains("app.js"), module + " imports app.js"));
        assertTrue(imports.get("app.js").containsAll(List.of("desk.js", "admin.js")), imports::toString);
    }

    @Test
    void theReaderSeesACircle() {
        assertEquals(List.of("b.js", "c.js"), importsOf("import {x} from './b.js';\nexport {y} from './c.js';\n"
                + "// import {z} from 'https://elsewhere/d.js';\n"));
    }

    private static void circle(String at, List<String> path, List<String> circles) {
        for (String next : imports.getOrDefault(at, List.of())) {
            if (next.equals(path.get(0))) {
                circles.add(String.join(" > ", path) + " > " + next);
            } else if (!path.contains(next)) {
                path.add(next);
                circle(next, path, circles);
                path.remove(path.size() - 1);
            }
        }
    }
}
