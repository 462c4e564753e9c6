package org.consentry.crmsync.connector.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One idempotent producer per recipient, made on its first delivery and shared by every thread
 * (KafkaProducer is thread-safe), closed when the application stops. Inside Open Liberty the producer
 * is made with the application's class loader as the thread's context class loader: Kafka loads the
 * classes its configuration names (metric reporters, SASL login modules) through it, and the outbox
 * may call from a thread whose context loader is not the application's. The serializers are given as
 * objects, not class names, for the same reason. Each producer runs one thread of its own (Kafka's
 * network thread, not a managed one: it never needs a Jakarta EE context) and registers its metrics as
 * MBeans under kafka.producer:client-id=consentry-&lt;recipient&gt;; closing it ends the thread and
 * unregisters them, so a redeployment leaks neither.
 */
final class KafkaProducers {

    /** Makes the producer of one recipient; a test may put in another. */
    interface Factory {
        Producer<String, String> create(java.util.Properties config);
    }

    private final Map<String, Producer<String, String>> producers = new ConcurrentHashMap<>();
    private final Factory factory;
    private volatile boolean closed;

    KafkaProducers() {
        this(config -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
    }

    KafkaProducers(Factory factory) {
        this.factory = factory;
    }

    /** The recipient's producer, made now if it has none yet. */
    Producer<String, String> of(String recipient, KafkaSettings settings, Duration timeout) {
        if (closed) {
            throw new IllegalStateException("the application is stopping");
        }
        return producers.computeIfAbsent(recipient, id -> create(settings, "consentry-" + id, timeout));
    }

    private Producer<String, String> create(KafkaSettings settings, String clientId, Duration timeout) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaProducers.class.getClassLoader());
        try {
            return factory.create(settings.producer(clientId, timeout));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * Drops a producer that failed in a way it does not recover from, so that the next attempt makes a
     * new one (a new producer id: the broker then treats its records as new, and the consumers' dedup on
     * the delivery id keeps a re-sent record harmless).
     */
    void discard(String recipient, Producer<String, String> producer) {
        if (producers.remove(recipient, producer)) {
            producer.close(Duration.ZERO);
        }
    }

    /** Closes every producer, waiting up to {@code grace} for each to send what it holds. */
    void closeAll(Duration grace) {
        closed = true;
        for (String recipient : List.copyOf(producers.keySet())) {
            Producer<String, String> producer = producers.remove(recipient);
            if (producer != null) {
                producer.close(grace);
            }
        }
    }
}
