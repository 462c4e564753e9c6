package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.consentry.testing.Handoff;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole integration suite (a failsafe execution of its own, once the test server has
 * stopped): the customer values every test hands off (Handoff's name, e-mail, phone, card, PESEL) appear
 * in clear in no log, trace or FFDC file of the test server and in no file of its database (Derby's
 * directory, or PostgreSQL's files of the suite's database after a checkpoint). They may only ever be
 * stored sealed.
 */
class CanaryScanIT {

    /** The canaries as they may be written: as given, and with the separators a formatter drops. */
    static final Map<String, byte[]> CANARIES = new LinkedHashMap<>();

    static {
        for (String value : List.of(Handoff.NAME, Handoff.EMAIL, Handoff.PHONE, Handoff.PHONE.replace(" ", ""),
                "601234567", Handoff.CARD, Handoff.CARD.replace(" ", ""), Handoff.PESEL)) {
            CANARIES.put(value, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    final Path server = Path.of(System.getProperty("it.server.dir", "target/liberty/wlp/usr/servers/"
            + System.getProperty("it.server", "consentryIT")));

    @Test
    void theScannerFindsAPlantedCanary() throws IOException {
        Path planted = Files.createTempFile("canary", ".log");
        try {
            Files.writeString(planted, "2026-11-29 INFO handoff for " + Handoff.PESEL + " accepted\n");
            List<String> found = new ArrayList<>();
            scan(planted, found);
            assertEquals(List.of(planted + ": " + Handoff.PESEL), found);
        } finally {
            Files.delete(planted);
        }
    }

    @Test
    @Proves(Duty.GDPR_32)
    void noCanaryInTheServersLogsTracesOrFfdc() throws IOException {
        Path logs = server.resolve("logs");
        require(Files.isRegularFile(logs.resolve("messages.log")), "the integration suite has not run in " + server);
        List<String> found = new ArrayList<>();
        long bytes = scanTree(logs, found);
        assertTrue(bytes > 10_000, "the logs were read: " + bytes + " bytes");
        assertEquals(List.of(), found, "customer values in clear in the server's logs");
        System.out.println("canary scan: " + bytes + " bytes of logs, traces and FFDC under " + logs + ": none found");
    }

    @Test
    @Proves(Duty.GDPR_32)
    void noCanaryInClearInTheDatabaseFiles() throws Exception {
        List<String> found = new ArrayList<>();
        Path files;
        if ("postgres".equals(System.getProperty("consentry.db"))) {
            String database = System.getenv().getOrDefault("DB_NAME", "consentry");
            require("0".equals(run("id", "-u").strip()), "reading PostgreSQL's files takes root");
            // written from shared buffers to the table files first, so that the files hold every row
            String[] answer = run("su", "postgres", "-c", "psql -qAt -c CHECKPOINT -c 'SHOW data_directory'"
                    + " -c \"SELECT oid FROM pg_database WHERE datname = '" + database + "'\"").strip().split("\n");
            files = Path.of(answer[0].strip(), "base", answer[1].strip());
        } else {
            files = server.resolve("data").resolve("consentry");
            require(Files.isDirectory(files), "the integration suite has not run in " + server);
        }
        long bytes = scanTree(files, found);
        assertTrue(bytes > 1_000_000, "the database files were read: " + bytes + " bytes");
        assertEquals(List.of(), found, "customer values in clear in the database files");
        System.out.println("canary scan: " + bytes + " bytes of database files under " + files + ": none found");
    }

    /** In CI the scan must happen; elsewhere (a single test run by hand) it is skipped when it cannot. */
    private static void require(boolean condition, String otherwise) {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(condition, otherwise);
        }
        Assumptions.assumeTrue(condition, otherwise);
    }

    private static long scanTree(Path root, List<String> found) throws IOException {
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                bytes += scan(file, found);
            }
        }
        return bytes;
    }

    private static long scan(Path file, List<String> found) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, byte[]> canary : CANARIES.entrySet()) {
            if (indexOf(content, canary.getValue()) >= 0) {
                found.add(file + ": " + canary.getKey());
            }
        }
        return content.length;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS), "finished: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
