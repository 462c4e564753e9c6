package org.consentry.crmsync.connector.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.platform.control.Settings;

/**
 * A Kafka recipient's own keys ({@code consentry.crm.recipient.<id>.kafka.*}), checked at start-up and
 * turned into the producer's configuration: bootstrap-servers and topic (required), security-protocol
 * (SSL or SASL_SSL in production; PLAINTEXT, the default, only in development), and for SASL the
 * sasl-username, sasl-mechanism (SCRAM-SHA-512 by default) and the recipient's secret as the password.
 */
record KafkaSettings(String bootstrapServers, String topic, String protocol, Optional<String> mechanism,
                     Optional<String> username, Optional<String> password) {

    static final String SERVERS = "kafka.bootstrap-servers";
    static final String TOPIC = "kafka.topic";
    static final String PROTOCOL = "kafka.security-protocol";
    static final String MECHANISM = "kafka.sasl-mechanism";
    static final String USERNAME = "kafka.sasl-username";
    private static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final List<String> MECHANISMS = List.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN");
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9.-]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+\\]:\\d{1,5}");
    // Kafka's own rule for topic names (Topic.validate): legal characters, at most 249, not . or ..
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    static KafkaSettings of(RecipientSettings recipient) {
        String protocol = recipient.property(PROTOCOL).orElse("PLAINTEXT").toUpperCase(Locale.ROOT);
        boolean sasl = protocol.startsWith("SASL_");
        return new KafkaSettings(recipient.property(SERVERS).orElse(""), recipient.property(TOPIC).orElse(""), protocol,
                sasl ? Optional.of(recipient.property(MECHANISM).orElse("SCRAM-SHA-512").toUpperCase(Locale.ROOT))
                        : Optional.empty(),
                sasl ? recipient.property(USERNAME) : Optional.empty(), sasl ? recipient.secret() : Optional.empty());
    }

    /** Reports every problem of the recipient's Kafka keys with the key it concerns. */
    static void check(RecipientSettings recipient, Settings settings, boolean production) {
        Optional<String> servers = recipient.property(SERVERS);
        if (servers.isEmpty()) {
            settings.problem(recipient.key(SERVERS) + ": not set (host:port of the Kafka brokers, comma-separated)");
        } else if (!List.of(servers.get().split(",")).stream().map(String::strip).allMatch(s -> SERVER.matcher(s).matches())) {
            settings.problem(recipient.key(SERVERS) + ": not a comma-separated list of host:port");
        }
        Optional<String> topic = recipient.property(TOPIC);
        if (topic.isEmpty() || !TOPIC_NAME.matcher(topic.get()).matches() || topic.get().matches("\\.{1,2}")) {
            settings.problem(recipient.key(TOPIC) + ": not set or not a Kafka topic name (a-z, A-Z, 0-9, . _ -, at most 249)");
        }
        String protocol = recipient.property(PROTOCOL).map(p -> p.toUpperCase(Locale.ROOT)).orElse("PLAINTEXT");
        if (!PROTOCOLS.contains(protocol)) {
            settings.problem(recipient.key(PROTOCOL) + ": '" + protocol + "' is not one of " + String.join(", ", PROTOCOLS));
        } else if (production && !protocol.endsWith("SSL")) {
            settings.problem(recipient.key(PROTOCOL) + ": " + (recipient.property(PROTOCOL).isEmpty() ? "not set" : protocol)
                    + " sends CRM data unencrypted; production requires SSL or SASL_SSL");
        }
        boolean sasl = protocol.startsWith("SASL_");
        if (sasl) {
            String mechanism = recipient.property(MECHANISM).orElse("SCRAM-SHA-512").toUpperCase(Locale.ROOT);
            if (!MECHANISMS.contains(mechanism)) {
                settings.problem(recipient.key(MECHANISM) + ": '" + mechanism + "' is not one of " + String.join(", ", MECHANISMS));
            }
            if (recipient.property(USERNAME).isEmpty()) {
                settings.problem(recipient.key(USERNAME) + ": not set while " + recipient.key(PROTOCOL) + " is " + protocol);
            }
            if (recipient.secret().isEmpty()) {
                settings.problem(recipient.key("secret") + ": not set (the SASL password) while " + recipient.key(PROTOCOL)
                        + " is " + protocol);
            }
        } else if (recipient.property(USERNAME).isPresent() || recipient.property(MECHANISM).isPresent()) {
            settings.problem(recipient.key(USERNAME) + " / " + recipient.key(MECHANISM) + ": SASL settings while "
                    + recipient.key(PROTOCOL) + " is " + protocol + " (SASL_SSL or SASL_PLAINTEXT uses them)");
        }
    }

    /**
     * The producer's configuration: idempotent with acks=all (the broker writes a record once however
     * often the producer itself retries it), bounded in time so that an attempt ends well within the
     * outbox lease: at most {@code timeout} for the acknowledgement after at most half of it waiting
     * for the topic's metadata.
     */
    Properties producer(String clientId, Duration timeout) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5"); // the most idempotence keeps in order
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0"); // one record per attempt: nothing to batch
        long half = Math.max(1000, timeout.toMillis() / 2);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(half));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(timeout.toMillis(), half)));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(half));
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        p.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, "false"); // no client telemetry to the bus's operator
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        mechanism.ifPresent(m -> {
            p.put(SaslConfigs.SASL_MECHANISM, m);
            String module = m.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=" + quoted(username.orElse(""))
                    + " password=" + quoted(password.orElse("")) + ";");
        });
        return p;
    }

    /** A JAAS option value: quoted, with backslash and quote escaped (Kafka's JaasConfig reads it with a StreamTokenizer). */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return "kafka " + bootstrapServers + " topic " + topic + " (" + protocol + ")"; // never the password
    }
}
