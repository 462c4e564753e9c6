package org.consentry.outbox.control;

import org.consentry.outbox.entity.OutboxEntry;

/**
 * Sends the deliveries of one kind: builds the body from the referenced record (opening sealed data
 * is audited by the implementation) and makes the HTTP call(s). Called outside any transaction, at
 * least once per entry; the receiver deduplicates on the entry id, sent as the webhook-id (signed
 * with the timestamp and the body).
 */
public interface DeliveryHandler {

    /** Whether this handler sends entries of the kind, e.g. {@code callback.agent-message}. */
    boolean handles(String kind);

    DeliveryResult deliver(OutboxEntry entry);
}
