package org.consentry.crmsync.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.control.Recipients;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.platform.control.Settings;
import org.junit.jupiter.api.Test;

/** The Kafka connector without a broker: its start-up checks, its producer's configuration, how it reads the broker's answers. */
class KafkaConnectorTest {

    private static final String P = "consentry.crm.recipient.bus.";
    private final Map<String, String> config = new HashMap<>(Map.of("consentry.crm.recipients", "bus",
            P + "connector", "kafka", P + "kafka.bootstrap-servers", "127.0.0.1:9092, kafka-2.example:9093",
            P + "kafka.topic", "consentry.crm-events"));

    @Test
    void aRecipientNeedsNoUrlNorSecretAndPlaintextOnlyInDevelopment() {
        assertEquals("", problems(false));
        String production = problems(true);
        assertTrue(production.contains(P + "kafka.security-protocol: not set sends CRM data unencrypted; production requires SSL"),
                production);
        config.put(P + "kafka.security-protocol", "ssl");
        assertEquals("", problems(true));
    }

    @Test
    void missingOrMalformedKeysAreNamed() {
        config.remove(P + "kafka.topic");
        config.put(P + "kafka.bootstrap-servers", "http://broker");
        String problems = problems(false);
        assertTrue(problems.contains(P + "kafka.bootstrap-servers: not a comma-separated list of host:port"), problems);
        assertTrue(problems.contains(P + "kafka.topic: not set"), problems);
        config.put(P + "kafka.topic", "..");
        assertTrue(problems(false).contains(P + "kafka.topic: not set or not a Kafka topic name"));
    }

    @Test
    void saslNeedsAUserTheSecretAndAKnownMechanism() {
        config.put(P + "kafka.security-protocol", "SASL_SSL");
        config.put(P + "kafka.sasl-mechanism", "GSSAPI");
        String problems = problems(true);
        assertTrue(problems.contains(P + "kafka.sasl-mechanism: 'GSSAPI' is not one of"), problems);
        assertTrue(problems.contains(P + "kafka.sasl-username: not set"), problems);
        assertTrue(problems.contains(P + "secret: not set (the SASL password)"), problems);
        config.put(P + "kafka.sasl-mechanism", "SCRAM-SHA-256");
        config.put(P + "kafka.sasl-username", "consentry");
        config.put(P + "secret", "pa\"ss\\word");
        assertEquals("", problems(true));
        Properties producer = KafkaSettings.of(recipient()).producer("consentry-bus", Duration.ofSeconds(10));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"consentry\""
                + " password=\"pa\\\"ss\\\\word\";", producer.get("sasl.jaas.config"));
        assertFalse(KafkaSettings.of(recipient()).toString().contains("pa\"ss"), "never the password");
    }

    @Test
    void theProducerIsIdempotentWithAcksAllAndEndsAnAttemptWithinTheOutboxTimeout() {
        Properties producer = KafkaSettings.of(recipient()).producer("consentry-bus", Duration.ofSeconds(10));
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        ProducerConfig checked = new ProducerConfig(producer); // Kafka's own check of the combination
        assertTrue(checked.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("-1", checked.getString(ProducerConfig.ACKS_CONFIG));
        assertEquals(10_000, checked.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals(5_000L, checked.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG));
        assertEquals("127.0.0.1:9092, kafka-2.example:9093", producer.get("bootstrap.servers"));
    }

    @Test
    void anAcknowledgedRecordIsDeliveredKeyedByTheReferenceWithTheDeliveryIdInAHeader() {
        MockProducer<String, String> mock = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        DeliveryResult result = connector(mock).send(recipient(), consent(false));
        assertInstanceOf(DeliveryResult.Delivered.class, result);
        ProducerRecord<String, String> sent = mock.history().get(0);
        assertEquals("consentry.crm-events", sent.topic());
        assertEquals("s_ref", sent.key());
        assertEquals("d-1", new String(sent.headers().lastHeader(KafkaEvent.DELIVERY_ID).value(), StandardCharsets.UTF_8));
        assertEquals("consent.withdrawn", new String(sent.headers().lastHeader(KafkaEvent.TYPE).value(), StandardCharsets.UTF_8));
        assertFalse(sent.value().contains("cust-1"), "never the subject id: " + sent.value());
    }

    @Test
    void noAcknowledgementIsARetryAFailedLoginARejection() {
        assertInstanceOf(DeliveryResult.Retry.class, connector(failing(new TimeoutException("x"))).send(recipient(), consent(true)));
        DeliveryResult login = connector(failing(new SaslAuthenticationException("x"))).send(recipient(), consent(true));
        assertInstanceOf(DeliveryResult.Rejected.class, login);
        assertEquals("kafka: authentication failed (" + P + "kafka.sasl-username, " + P + "secret)", login.what());
    }

    @Test
    void anUnexpectedFailureResetsTheProducer() {
        KafkaProducers producers = new KafkaProducers(c -> failing(new IllegalStateException("closed")));
        KafkaConnector connector = new KafkaConnector(producers);
        connector.timeout = Duration.ofSeconds(1);
        var first = producers.of("bus", KafkaSettings.of(recipient()), connector.timeout);
        assertInstanceOf(DeliveryResult.Retry.class, connector.send(recipient(), consent(true)));
        assertTrue(((MockProducer<String, String>) first).closed());
        connector.close();
        assertThrows(IllegalStateException.class, () -> producers.of("bus", KafkaSettings.of(recipient()), Duration.ofSeconds(1)));
    }

    private String problems(boolean production) {
        Settings settings = new Settings(k -> Optional.ofNullable(config.get(k)));
        Recipients.parse(settings, k -> Optional.ofNullable(config.get(k)), production, List.of(new KafkaConnector()));
        try {
            settings.verify("CRM recipients");
            return "";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private RecipientSettings recipient() {
        Settings settings = new Settings(k -> Optional.ofNullable(config.get(k)));
        return Recipients.parse(settings, k -> Optional.ofNullable(config.get(k)), false, List.of(new KafkaConnector())).get(0);
    }

    private static CrmRecord consent(boolean granted) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        return new CrmRecord(CrmRecord.Type.CONSENT, "d-1", "cust-1", "s_ref", Map.of(), null, null,
                new CrmRecord.Consent("crm-sync", granted, at), at);
    }

    private static KafkaConnector connector(MockProducer<String, String> producer) {
        KafkaConnector connector = new KafkaConnector(new KafkaProducers(c -> producer));
        connector.timeout = Duration.ofSeconds(1);
        return connector;
    }

    private static MockProducer<String, String> failing(RuntimeException failure) {
        return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
                return CompletableFuture.failedFuture(failure);
            }
        };
    }
}
