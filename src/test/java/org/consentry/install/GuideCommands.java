package org.consentry.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell blocks of docs/operator-guide.md that the install test runs as they are written: each is
 * the fenced block after a line {@code <!-- PluginInstallIT runs the next block -->}. The guide's
 * install steps and the test cannot drift apart.
 */
final class GuideCommands {

    static final String MARKER = "<!-- PluginInstallIT runs the next block -->";

    private GuideCommands() {
    }

    static List<String> blocks(Path guide) throws IOException {
        List<String> lines = Files.readAllLines(guide);
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals(MARKER)) {
                continue;
            }
            int open = i + 1;
            while (open < lines.size() && lines.get(open).isBlank()) {
                open++;
            }
            if (open == lines.size() || !lines.get(open).startsWith("```sh")) {
                throw new IllegalStateException(guide + ": no ```sh block after the marker on line " + (i + 1));
            }
            StringBuilder block = new StringBuilder();
            int line = open + 1;
            for (; line < lines.size() && !lines.get(line).startsWith("```"); line++) {
                block.append(lines.get(line)).append('\n');
            }
            blocks.add(block.toString());
            i = line;
        }
        return blocks;
    }
}
