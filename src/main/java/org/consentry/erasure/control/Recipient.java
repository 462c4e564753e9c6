package org.consentry.erasure.control;

import java.util.Optional;
import org.consentry.erasure.entity.Receipt;

/**
 * Someone outside the service to whom a subject's data was disclosed (the CRM), who must hear of its
 * erasure and rectification (GDPR Art. 19). Notices go through the outbox in the caller's transaction.
 */
public interface Recipient {

    String name();

    /** Tells the recipient to erase the subject; the delivery's id, or empty when no recipient is configured. */
    Optional<String> erase(String subjectId, String requestId);

    /** Tells the recipient the subject's contact fields changed; the delivery's id, or empty when it never got them. */
    Optional<String> rectified(String subjectId);

    /** How a delivery went (all of them together, when the recipient is several). */
    Receipt receipt(String deliveryId);

    /** How each of the recipients' deliveries went, by recipient: one receipt per recipient. */
    default java.util.Map<String, Receipt> receipts(String deliveryId) {
        return java.util.Map.of(name(), receipt(deliveryId));
    }

    /** The erasure notice was delivered: its record no longer needs to name the subject. */
    void forget(String deliveryId);
}
