package org.consentry.crmsync.connector.kafka;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning with a real consumer, the way a consumer of Consentry's events
 * should: every event checked against the published JSON Schema (contracts/kafka), and deduplicated
 * on its delivery-id header, so that a record written twice (a re-send after a lost acknowledgement)
 * is applied once. What does not match the schema is collected in {@link #violations}.
 */
final class TopicEvents {

    static final String SCHEMA = "/contracts/kafka/consentry-events-v1.schema.json";

    /** One event as read: key, headers, value (parsed), where it was. */
    record Event(String key, Map<String, String> headers, JsonObject value, String raw, int partition, long offset) {
        String deliveryId() {
            return headers.get(KafkaEvent.DELIVERY_ID);
        }
    }

    final List<String> violations = new ArrayList<>();
    private final Schema schema;
    private final String bootstrap;
    private final String topic;

    TopicEvents(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        try (InputStream in = TopicEvents.class.getResourceAsStream(SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every record on the topic now, in partition and offset order, each checked against the schema. */
    List<Event> all() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the topic could not be read to its end within 30 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    events.add(event(r));
                }
            }
        }
        return events;
    }

    /** What a deduplicating consumer applies: the first record of each delivery id, and how often each was applied. */
    static Map<String, Event> deduplicated(List<Event> events, Map<String, Integer> appliedCount) {
        Map<String, Event> applied = new LinkedHashMap<>();
        for (Event e : events) {
            if (!applied.containsKey(e.deliveryId())) {
                applied.put(e.deliveryId(), e);
                appliedCount.merge(e.deliveryId(), 1, Integer::sum);
            }
        }
        return applied;
    }

    private Event event(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            if (headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)) != null) {
                violations.add("header " + h.key() + " twice at " + r.partition() + "/" + r.offset());
            }
        }
        String problems = schema.validate(r.value(), InputFormat.JSON).stream().map(e -> e.toString())
                .collect(Collectors.joining("; "));
        if (!problems.isEmpty()) {
            violations.add("event at " + r.partition() + "/" + r.offset() + " breaks the schema: " + problems + " in " + r.value());
        }
        JsonObject value = Json.createReader(new StringReader(r.value())).readObject();
        return new Event(r.key(), headers, value, r.value(), r.partition(), r.offset());
    }
}
