package org.consentry.crypto.entity;

/**
 * Why personal data is opened: the action (e.g. {@code escalation.reveal}), the purpose of processing,
 * and for a reveal the reason the person gave. Every opening is recorded with it.
 */
public record Access(String action, String purpose, String reason) {

    public static Access of(String action, String purpose) {
        return new Access(action, purpose, null);
    }
}
