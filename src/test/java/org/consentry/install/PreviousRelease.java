package org.consentry.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The previous release's WAR, built from the commit named in upgrade/previous-release.properties out of
 * this repository's own history (git archive, then mvn package without tests): what an operator still runs
 * on the other servers while this release rolls out. Built once per checkout (target/previous-release).
 */
final class PreviousRelease {

    private static final Path ROOT = Path.of("target/previous-release").toAbsolutePath();

    private PreviousRelease() {
    }

    static Properties described() {
        Properties p = new Properties();
        try (InputStream in = PreviousRelease.class.getClassLoader().getResourceAsStream("upgrade/previous-release.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("upgrade/previous-release.properties is missing from the test resources", e);
        }
        return p;
    }

    /**
     * Whether the previous release can be built here: its commit is in this clone's history. A shallow
     * clone is deepened first; a checkout without git history (an exported tree), or a shallow one its origin
     * cannot deepen, cannot build it, and says so. A whole history without the commit is an error
     * {@link #war()} reports.
     */
    static boolean buildable() {
        String commit = described().getProperty("commit");
        if (git("cat-file", "-e", commit + "^{commit}")) {
            return true;
        }
        if (!git("rev-parse", "--git-dir")) {
            System.out.println("RollingUpgradeIT not run: this checkout has no git history to build the previous release from");
            return false;
        }
        if (git("rev-parse", "--is-shallow-repository")) {
            if (git("fetch", "-q", "--unshallow") && git("cat-file", "-e", commit + "^{commit}")) {
                return true;
            }
            System.out.println("RollingUpgradeIT not run: a shallow clone without " + commit + ", and its origin cannot deepen it");
            return false;
        }
        return true; // a whole history without the commit: war() fails and says so
    }

    private static boolean git(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0 && !"false".equals(out);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static synchronized Path war() {
        String commit = described().getProperty("commit");
        Path source = ROOT.resolve(commit);
        Path war = source.resolve("target/consentry.war");
        if (Files.isRegularFile(war)) {
            return war;
        }
        try {
            run(Path.of("."), List.of("git", "cat-file", "-e", commit + "^{commit}"),
                    "the previous release's commit " + commit + " is not in this clone's history (a shallow clone?)");
            Files.createDirectories(source);
            run(Path.of("."), List.of("bash", "-c", "git archive --format=tar " + commit + " | tar -x -C '" + source + "'"),
                    "git archive of " + commit);
            long started = System.nanoTime();
            run(source, List.of("mvn", "-B", "-ntp", "-q", "package", "-DskipTests", "-DskipUnitTests=true"),
                    "building the previous release's WAR");
            System.out.printf("Previous release %s built from %s in %d s%n", described().getProperty("release"), commit,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("the previous release's build made no " + war);
        }
        return war;
    }

    private static void run(Path dir, List<String> command, String what) throws IOException, InterruptedException {
        Path log = Files.createDirectories(ROOT).resolve("build.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " failed: see " + log);
        }
    }
}
