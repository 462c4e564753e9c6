package org.consentry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The JDK that runs Keycloak (26 needs Java 21 or later; the build itself stays on 17). In this order:
 * the system property keycloak.java.home or the environment variable KEYCLOAK_JAVA_HOME when set (it must be
 * 21 or later); the JDK running the tests when it is 21 or later; the newest JDK of 21 or later under
 * /usr/lib/jvm (where Debian's packages and Temurin's put theirs). None: the test fails and says so.
 */
final class KeycloakJava {

    static final int MINIMUM = 21;
    private static final Path JVMS = Path.of("/usr/lib/jvm");

    private KeycloakJava() {
    }

    static Path home() {
        String named = Optional.ofNullable(System.getProperty("keycloak.java.home"))
                .orElse(System.getenv("KEYCLOAK_JAVA_HOME"));
        if (named != null && !named.isBlank()) {
            Path home = Path.of(named);
            if (feature(home) < MINIMUM) {
                throw new IllegalStateException("Keycloak needs Java " + MINIMUM + " or later; " + home + " is not one");
            }
            return home;
        }
        if (Runtime.version().feature() >= MINIMUM) {
            return Path.of(System.getProperty("java.home"));
        }
        return newestInstalled().orElseThrow(() -> new IllegalStateException("Keycloak needs a JDK of Java "
                + MINIMUM + " or later beside the build's: install one (e.g. Debian's openjdk-21-jdk-headless or"
                + " Temurin 25) under " + JVMS + ", or name it with KEYCLOAK_JAVA_HOME"));
    }

    /** Whether a JDK for Keycloak is named or installed (see {@link #home()}). */
    static boolean available() {
        try {
            home();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static Optional<Path> newestInstalled() {
        if (!Files.isDirectory(JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> jvms = Files.list(JVMS)) {
            return jvms.filter(home -> !Files.isSymbolicLink(home) && Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home) >= MINIMUM)
                    .max(Comparator.comparingInt(KeycloakJava::feature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature release (21, 25...) that a JDK's release file names; 0 when it names none. */
    static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            properties.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        String major = version.split("[.+-]")[0];
        return major.matches("\\d{1,3}") ? Integer.parseInt(major) : 0;
    }
}
