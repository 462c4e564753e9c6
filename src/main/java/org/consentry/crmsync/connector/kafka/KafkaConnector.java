package org.consentry.crmsync.connector.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.consentry.crmsync.control.CrmConnector;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.platform.control.SafeLog;
import org.consentry.platform.control.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A Kafka topic, for enterprises with an event bus: every record (contact, resolved case, erasure
 * request, consent granted or withdrawn) as one JSON event ({@link KafkaEvent}), keyed by the subject's
 * pseudonymous reference, the delivery id in a header. Exactly-once in effect: the producer is
 * idempotent with acks=all, so its own retries of a record are written once; an attempt is delivered
 * only when the broker acknowledged the record, and anything else (no acknowledgement in time, broker
 * down) is a retry of the outbox entry; a retry after an acknowledgement that was lost on the way
 * writes the record again, with the same delivery id, which consumers deduplicate on. No URL: the
 * recipient's kafka.* keys say where ({@link KafkaSettings}).
 */
@ApplicationScoped
public class KafkaConnector implements CrmConnector {

    private static final Logger LOG = Logger.getLogger(KafkaConnector.class.getName());

    private final KafkaProducers producers;

    @Inject
    @ConfigProperty(name = "consentry.outbox.request-timeout", defaultValue = "PT10S")
    Duration timeout;

    public KafkaConnector() {
        this(new KafkaProducers());
    }

    KafkaConnector(KafkaProducers producers) {
        this.producers = producers;
    }

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public boolean needsUrl() {
        return false;
    }

    @Override
    public boolean isEventBus() {
        return true;
    }

    @Override
    public void check(RecipientSettings recipient, Settings settings, boolean production) {
        KafkaSettings.check(recipient, settings, production);
    }

    @Override
    public DeliveryResult send(RecipientSettings recipient, CrmRecord record) {
        if (record.subjectRef() == null) {
            return new DeliveryResult.Rejected("kafka: a record without a subject reference has no key");
        }
        KafkaSettings settings = KafkaSettings.of(recipient);
        Producer<String, String> producer;
        try {
            producer = producers.of(recipient.id(), settings, timeout);
        } catch (KafkaException | IllegalStateException e) {
            SafeLog.failure(LOG, "kafka " + record.deliveryId(), e);
            return new DeliveryResult.Retry("kafka: no producer (logged as incident kafka " + record.deliveryId() + ")");
        }
        try {
            Future<RecordMetadata> sent = producer.send(KafkaEvent.of(settings.topic(), record));
            // the producer gives up by itself after delivery.timeout.ms (= the timeout): a little longer here
            sent.get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
            return new DeliveryResult.Delivered("kafka: acknowledged by the broker (" + KafkaEvent.type(record) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Retry("kafka: interrupted before the acknowledgement");
        } catch (java.util.concurrent.TimeoutException e) {
            return new DeliveryResult.Retry("kafka: no acknowledgement within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return failed(recipient, producer, record, e.getCause());
        } catch (RuntimeException e) {
            return failed(recipient, producer, record, e); // send() itself: metadata not in time, a closed producer
        }
    }

    /** What a failure means for the outbox: texts name what happened, never a value or an exception message. */
    private DeliveryResult failed(RecipientSettings recipient, Producer<String, String> producer, CrmRecord record,
                                  Throwable failure) {
        if (failure instanceof TimeoutException) {
            return new DeliveryResult.Retry("kafka: no acknowledgement within " + timeout.toSeconds()
                    + " s (broker down or topic unknown)");
        }
        if (failure instanceof AuthenticationException) {
            return new DeliveryResult.Rejected("kafka: authentication failed (" + recipient.key(KafkaSettings.USERNAME)
                    + ", " + recipient.key("secret") + ")");
        }
        if (failure instanceof AuthorizationException) {
            return new DeliveryResult.Rejected("kafka: not authorised to write to the topic");
        }
        if (failure instanceof RecordTooLargeException || failure instanceof SerializationException) {
            return new DeliveryResult.Rejected("kafka: the broker refused the record as too large or malformed");
        }
        if (failure instanceof RetriableException) {
            return new DeliveryResult.Retry("kafka: the broker asked to try again");
        }
        // anything else may leave the producer unusable (closed, fatal idempotence error): start a new one
        SafeLog.failure(LOG, "kafka " + record.deliveryId(), failure);
        producers.discard(recipient.id(), producer);
        return new DeliveryResult.Retry("kafka: send failed, producer reset (logged as incident kafka "
                + record.deliveryId() + ")");
    }

    @PreDestroy
    void close() {
        producers.closeAll(Duration.ofSeconds(5));
    }
}
