package org.consentry.crmsync.connector.kafka;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.consentry.crmsync.entity.CrmRecord;

/**
 * One record as one event on the topic (format version 1, published as a JSON Schema in
 * docs/crm-connectors.md): keyed by the subject's pseudonymous reference, so that one subject's events
 * stay in one partition, in order, and a consumer can compact or erase by key; the value names the
 * subject only by that reference, never by Consentry's subject id (the log is immutable until its
 * retention ends and read by every consumer group: what identifies the person is only what the
 * recipient's field policy lets out in the contact). The delivery id, also a header, is the same for
 * every attempt of a delivery: consumers deduplicate on it.
 */
final class KafkaEvent {

    static final int VERSION = 1;
    static final String DELIVERY_ID = "consentry-delivery-id";
    static final String TYPE = "consentry-event-type";
    static final String EVENT_VERSION = "consentry-event-version";
    static final String CONTENT_TYPE = "content-type";

    private KafkaEvent() {
    }

    static ProducerRecord<String, String> of(String topic, CrmRecord record) {
        String type = type(record);
        List<Header> headers = List.of(header(DELIVERY_ID, record.deliveryId()), header(TYPE, type),
                header(EVENT_VERSION, Integer.toString(VERSION)), header(CONTENT_TYPE, "application/json"));
        return new ProducerRecord<>(topic, null, record.subjectRef(), value(type, record), headers);
    }

    static String type(CrmRecord record) {
        return switch (record.type()) {
            case CONTACT -> "contact.upserted";
            case CASE -> "case.resolved";
            case ERASE -> "erasure.requested";
            case ERASURE_COMPLETED -> "erasure.completed";
            case CONSENT -> record.consent().granted() ? "consent.granted" : "consent.withdrawn";
        };
    }

    static String value(String type, CrmRecord record) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", type)
                .add("version", VERSION)
                .add("deliveryId", record.deliveryId())
                .add("subjectRef", record.subjectRef())
                .add("occurredAt", record.occurredAt().toString());
        switch (record.type()) {
            case CONSENT -> json.add("consent", JSON.createObjectBuilder().add("purpose", record.consent().purpose())
                    .add("granted", record.consent().granted()).add("at", record.consent().at().toString()));
            case ERASE, ERASURE_COMPLETED -> json.add("erasure", JSON.createObjectBuilder().add("requestId", record.erasureRequestId()));
            case CONTACT -> json.add("contact", contact(record));
            case CASE -> json.add("contact", contact(record)).add("case", crmCase(record.crmCase()));
        }
        return json.build().toString();
    }

    private static JsonObjectBuilder contact(CrmRecord record) {
        JsonObjectBuilder contact = JSON.createObjectBuilder();
        record.contact().forEach(contact::add); // only what the field policy let out: in clear or as tok_ tokens
        return contact;
    }

    /** The case without the bot's conversation id: that would tie the event to the chat in the bot's own records. */
    private static JsonObjectBuilder crmCase(CrmRecord.CrmCase c) {
        JsonArrayBuilder transcript = JSON.createArrayBuilder();
        c.transcript().forEach(l -> transcript.add(JSON.createObjectBuilder().add("from", l.from())
                .add("at", l.at().toString()).add("text", l.text())));
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("escalationId", c.escalationId())
                .add("openedAt", c.openedAt().toString())
                .add("resolvedAt", c.resolvedAt().toString())
                .add("transcript", transcript);
        addPresent(json, "language", c.language());
        addPresent(json, "reason", c.reason()); // present only where the field policy lets it out
        addPresent(json, "agent", c.agent());
        return json;
    }

    private static void addPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
