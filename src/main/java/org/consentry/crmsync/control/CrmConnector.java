package org.consentry.crmsync.control;

import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;

/**
 * Speaks one CRM's language. Called once per attempt, possibly several times for the same record: a
 * connector makes a repeated attempt harmless (the webhook by its signed webhook-id, Chatwoot by looking
 * up what an earlier attempt created before it creates anything).
 */
public interface CrmConnector {

    /** webhook or chatwoot (consentry.crm.connector). */
    String name();

    DeliveryResult send(CrmRecord record);
}
