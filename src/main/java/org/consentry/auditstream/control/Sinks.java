package org.consentry.auditstream.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.Config;

/**
 * The audit sinks this server feeds, from MicroProfile Config: {@code consentry.audit.sinks} names them
 * (empty: no streaming), and {@code consentry.audit.sink.<name>.*} describes each (operator guide, "Audit
 * sinks and checkpoints"). A setting that is missing or wrong stops the start: an audit stream the
 * operator asked for must not silently be off.
 */
@ApplicationScoped
public class Sinks {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    @Inject
    Config config;

    private volatile List<AuditSink> sinks;

    public List<AuditSink> all() {
        List<AuditSink> known = sinks;
        if (known == null) {
            synchronized (this) {
                if (sinks == null) {
                    sinks = List.copyOf(read());
                }
                known = sinks;
            }
        }
        return known;
    }

    private List<AuditSink> read() {
        List<AuditSink> read = new ArrayList<>();
        for (String name : config.getOptionalValues("consentry.audit.sinks", String.class).orElse(List.of())) {
            if (name.isBlank()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("consentry.audit.sinks: '" + name + "' is not a sink name ([a-z0-9-], at most 50)");
            }
            String type = required(name, "type");
            read.add(switch (type) {
                case "file" -> new FileSink(name, Path.of(required(name, "path")),
                        bounded(name, "max-bytes", value(name, "max-bytes", Long.class).orElse(10L * 1024 * 1024), 1024, 1L << 40),
                        (int) bounded(name, "keep", value(name, "keep", Integer.class).orElse(10), 1, 10_000));
                case "syslog-tls" -> new SyslogTlsSink(name, required(name, "host"),
                        (int) bounded(name, "port", value(name, "port", Integer.class).orElse(6514), 1, 65535),
                        tls(name), value(name, "protocols", String.class).orElse("TLSv1.3").split(","),
                        timeout(name), syslogFormat());
                default -> throw new IllegalStateException("consentry.audit.sink." + name + ".type: '" + type
                        + "' is not a sink type (file, syslog-tls)");
            });
        }
        return read;
    }

    private Rfc5424 syslogFormat() {
        String hostname = config.getOptionalValue("consentry.audit.syslog.hostname", String.class).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "-";
            }
        });
        return new Rfc5424(hostname, ProcessHandle.current().pid(),
                config.getOptionalValue("consentry.audit.syslog.enterprise-id", Long.class).orElse(32473L));
    }

    /** The trust store named for the sink, or the JDK's default trust when none is. */
    private SSLContext tls(String name) {
        Optional<String> store = value(name, "truststore", String.class);
        try {
            if (store.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(value(name, "truststore-type", String.class).orElse("PKCS12"));
            char[] password = value(name, "truststore-password", String.class).map(String::toCharArray).orElse(null);
            try (InputStream in = Files.newInputStream(Path.of(store.get()))) {
                trusted.load(in, password);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("consentry.audit.sink." + name + ".truststore cannot be opened ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private Duration timeout(String sink) {
        Duration timeout = value(sink, "timeout", Duration.class).orElse(Duration.ofSeconds(10));
        bounded(sink, "timeout (ms)", timeout.toMillis(), 100, 300_000);
        return timeout;
    }

    private static long bounded(String sink, String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalStateException("consentry.audit.sink." + sink + "." + key + " must be between " + min + " and " + max);
        }
        return value;
    }

    private String required(String sink, String key) {
        return value(sink, key, String.class).orElseThrow(() -> new IllegalStateException(
                "consentry.audit.sink." + sink + "." + key + " is not set"));
    }

    private <T> Optional<T> value(String sink, String key, Class<T> type) {
        return config.getOptionalValue("consentry.audit.sink." + sink + "." + key, type);
    }
}
