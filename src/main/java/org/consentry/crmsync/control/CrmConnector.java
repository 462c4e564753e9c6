package org.consentry.crmsync.control;

import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.platform.control.Settings;

/**
 * Speaks one vendor's language (the SPI every package under {@code org.consentry.crmsync.connector}
 * implements). Called once per attempt, possibly several times for the same record: a connector makes
 * a repeated attempt harmless (the webhook by its signed webhook-id, a CRM by upserting on an external
 * id or by looking up what an earlier attempt created before it creates anything). It never lets an
 * exception out for an answer it did not expect: a vendor answering garbage is a failed attempt with a
 * reason ({@link DeliveryResult.Retry} or {@link DeliveryResult.Rejected}), never personal data in it.
 */
public interface CrmConnector {

    /** The connector type a recipient names in {@code consentry.crm.recipient.<id>.connector}: webhook, chatwoot, hubspot... */
    String type();

    /**
     * Checks one recipient's settings at start-up (its URL, secret and own keys), reporting each problem
     * with the key it concerns through {@link Settings#problem(String)}. A problem stops the start.
     */
    default void check(RecipientSettings recipient, Settings settings, boolean production) {
    }

    /** Whether a URL (consentry.crm.recipient.&lt;id&gt;.url) is needed; an event bus may have none. */
    default boolean needsUrl() {
        return true;
    }

    /**
     * Whether the recipient is an event bus: it gets every consent change of its purposes, not only the
     * withdrawals of subjects whose data it holds (as a CRM does), and hears when an erasure completed.
     */
    default boolean isEventBus() {
        return false;
    }

    DeliveryResult send(RecipientSettings recipient, CrmRecord record);
}
