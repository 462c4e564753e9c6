package org.consentry.testing.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** What the report says about the build it comes from: the commit, the database, when, and from when results count. */
record BuildFacts(String commit, String database, Instant generatedAt, Instant since) {

    /** The checked-out commit, with " (dirty)" when the work tree has changes; "unknown" without git. */
    static String commitOf(Path basedir) {
        String head = git(basedir, "rev-parse", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String status = git(basedir, "status", "--porcelain");
        return status == null || status.isBlank() ? head.strip() : head.strip() + " (dirty)";
    }

    private static String git(Path basedir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(basedir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
