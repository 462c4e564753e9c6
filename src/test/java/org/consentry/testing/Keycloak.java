package org.consentry.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak for the tests, one per failsafe JVM: the distribution that Maven unpacked into
 * target/keycloak (org.keycloak:keycloak-quarkus-dist), started with {@code kc.sh start-dev} on loopback at
 * it.keycloak.port (18180 unless set; the test server's configuration names the same port), with its dev
 * file store in a data directory made fresh for this run, every realm of src/test/resources/keycloak
 * imported (a realm file may name the test server's ports as ${IT_HTTPS_PORT} and ${IT_HTTP_PORT}, which
 * Keycloak replaces at import). It starts when a test first asks for it and stops when the JVM ends; its
 * output goes to target/keycloak/keycloak.log.
 *
 * <p>Keycloak 26 needs Java 21 or later while the build runs on 17: only Keycloak's own process gets that
 * JDK ({@link KeycloakJava}).
 */
public final class Keycloak {

    /** About 20 s on an idle machine, the first start of a fresh unpack included; minutes on a loaded one. */
    private static final Duration START_LIMIT = Duration.ofSeconds(480);
    private static Keycloak started;
    private static RuntimeException failed;

    private final int port;
    private final List<String> realms;

    private Keycloak(int port, List<String> realms) {
        this.port = port;
        this.realms = realms;
    }

    /** The running Keycloak, started now if this JVM has none yet. */
    public static synchronized Keycloak get() {
        if (failed != null) {
            throw new IllegalStateException("Keycloak did not start earlier in this run", failed);
        }
        if (started == null) {
            try {
                started = start();
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
        }
        return started;
    }

    public int port() {
        return port;
    }

    /** http://127.0.0.1:{port} */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The issuer of a realm: http://127.0.0.1:{port}/realms/{realm}. */
    public URI issuer(String realm) {
        return base().resolve("/realms/" + realm);
    }

    /** The names of the realms imported at start. */
    public List<String> realms() {
        return realms;
    }

    private static Keycloak start() {
        Path home = Path.of(required("keycloak.home"));
        Path realmFiles = Path.of(required("keycloak.realms"));
        int port = Integer.parseInt(System.getProperty("it.keycloak.port", "18180"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + ": mvn verify unpacks org.keycloak:keycloak-quarkus-dist there (pre-integration-test)");
        }
        try {
            Path data = freshData(home, realmFiles);
            List<String> realms = realmNames(data.resolve("import"));
            Path log = home.getParent().resolve("keycloak.log");
            long begin = System.nanoTime();
            ProcessBuilder command = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname-strict=false", "--import-realm"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            command.environment().put("JAVA_HOME", KeycloakJava.home().toString());
            // the realm files name the test server's addresses (redirect URIs) as ${IT_HTTPS_PORT}, ${IT_HTTP_PORT}
            command.environment().put("IT_HTTPS_PORT", System.getProperty("it.https.port", "19443"));
            command.environment().put("IT_HTTP_PORT", System.getProperty("it.http.port", "19080"));
            Process process = command.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
            Keycloak keycloak = new Keycloak(port, realms);
            keycloak.awaitReady(process, log);
            System.out.printf("Keycloak started in %.1f s on %s with the realms %s (log: %s)%n",
                    (System.nanoTime() - begin) / 1e9, keycloak.base(), realms, log);
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** data/ of the distribution, emptied: the dev file store starts empty and imports the realms. */
    private static Path freshData(Path home, Path realmFiles) throws IOException {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path imports = Files.createDirectories(data.resolve("import"));
        try (Stream<Path> files = Files.list(realmFiles)) {
            for (Path realm : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Files.copy(realm, imports.resolve(realm.getFileName()));
            }
        }
        return data;
    }

    private static List<String> realmNames(Path imports) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(imports)) {
            for (Path file : files.sorted().toList()) {
                try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
                    JsonObject realm = reader.readObject();
                    names.add(realm.getString("realm"));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no realm (*.json) in " + imports);
        }
        return List.copyOf(names);
    }

    /** Ready when every imported realm publishes its OpenID configuration. */
    private void awaitReady(Process process, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        List<String> waiting = new ArrayList<>(realms);
        while (!waiting.isEmpty()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped with exit code " + process.exitValue()
                        + " before it was ready: see " + log);
            }
            if (System.nanoTime() > deadline) {
                stop(process);
                throw new IllegalStateException("Keycloak not ready within " + START_LIMIT.toSeconds() + " s: see " + log);
            }
            waiting.removeIf(realm -> published(http, realm));
            if (!waiting.isEmpty()) {
                try {
                    process.waitFor(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private boolean published(HttpClient http, String realm) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                    URI.create(issuer(realm) + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** kc.sh runs Keycloak's JVM as its child: stop both, the JVM first. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the test with mvn verify"
                    + " (failsafe sets it)");
        }
        return value;
    }
}
