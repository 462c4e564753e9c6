package org.consentry.auditstream.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The test receiver's keys, made fresh for each run with the JDK's keytool (nothing kept in the repository). */
final class ReceiverKeys {

    private ReceiverKeys() {
    }

    /** A key pair for the receiver, its certificate naming localhost only, and a trust store holding it. */
    static void make(Path dir, String password) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", dir.resolve("receiver.p12").toString(),
                "-storepass", password, "-keypass", password);
        run(keytool, "-exportcert", "-rfc", "-alias", "receiver", "-keystore", dir.resolve("receiver.p12").toString(), "-storepass",
                password, "-file", dir.resolve("receiver.pem").toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "receiver", "-file", dir.resolve("receiver.pem").toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", password);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
