package org.consentry.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two-server set-up of scripts/cluster/cluster.sh as the cluster tests see it: node1 and node2
 * directly, nginx in front, the shared PostgreSQL, and the script's kill and start.
 */
final class Cluster {

    static final URL NGINX = url(19180);
    /** nginx's TLS listener; the servers know it as their public origin (scripts/cluster/test.env). */
    static final URL NGINX_TLS = url("https", 19183);
    static final String PUBLIC_ORIGIN = "https://localhost:19183";
    /** The self-signed certificate cluster.sh made for nginx at `up`. */
    static final Path NGINX_CERTIFICATE = Path.of("target/cluster/nginx/tls/cert.pem");
    static final URL NODE1 = url(19181);
    static final URL NODE2 = url(19182);
    static final String DB_NAME = System.getenv().getOrDefault("DB_NAME", "consentry_cluster");

    private Cluster() {
    }

    static URL node(int n) {
        return n == 1 ? NODE1 : NODE2;
    }

    static Api api(URL url) {
        return new Api(url);
    }

    /** nginx over TLS, trusting nothing but the certificate cluster.sh made for it. */
    static Api tls() {
        try (InputStream pem = Files.newInputStream(NGINX_CERTIFICATE)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            return new Api(NGINX_TLS, Api.trusting(trusted));
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError("no TLS client for nginx (was cluster.sh up run?): " + e, e);
        }
    }

    /** Plain JDBC on the shared database, past both servers. */
    static Db db() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setDatabaseName(DB_NAME);
        ds.setUser("consentry");
        ds.setPassword(System.getenv().getOrDefault("DB_PASSWORD", "consentry-dev"));
        return new Db(ds);
    }

    static Connection connection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost/" + DB_NAME, "consentry",
                System.getenv().getOrDefault("DB_PASSWORD", "consentry-dev"));
    }

    static void kill(int n) {
        script("kill", String.valueOf(n));
    }

    static void start(int n) {
        script("start", String.valueOf(n));
    }

    /** Runs a command as root (the cluster tests run where .ci/run runs: as root, beside PostgreSQL). */
    static String run(Duration timeout, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + List.of(command));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(List.of(command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void script(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "scripts/cluster/cluster.sh";
        System.arraycopy(args, 0, command, 1, args.length);
        run(Duration.ofMinutes(3), command);
    }

    private static URL url(int port) {
        return url("http", port);
    }

    private static URL url(String scheme, int port) {
        try {
            return new URL(scheme + "://localhost:" + port + "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
