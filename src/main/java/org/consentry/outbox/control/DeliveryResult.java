package org.consentry.outbox.control;

/** How an attempt ended. The text names a status code or a failure class, never personal data. */
public sealed interface DeliveryResult {

    String what();

    /** The receiver acknowledged it (2xx). */
    record Delivered(String what) implements DeliveryResult {
    }

    /**
     * Try again later (receiver down, 5xx, 429, timeout); not before {@code after} when the receiver said
     * when (Retry-After, a rate-limit reset), else after the worker's back-off. Null: no wish.
     */
    record Retry(String what, java.time.Duration after) implements DeliveryResult {
        public Retry(String what) {
            this(what, null);
        }
    }

    /** The receiver refused it for good (a 4xx other than 408, 425, 429): an admin must look. */
    record Rejected(String what) implements DeliveryResult {
    }

    /** Nothing to send any more: the record it refers to is gone (erased). */
    record Obsolete(String what) implements DeliveryResult {
    }
}
