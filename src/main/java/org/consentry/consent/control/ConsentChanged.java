package org.consentry.consent.control;

/**
 * A subject's consent to a purpose was granted or withdrawn, or ended by the subject's erasure (fired
 * inside the changing transaction), with the consent record that changed.
 */
public record ConsentChanged(String subjectId, String purpose, Change change, Long recordId) {

    public enum Change { GRANTED, WITHDRAWN, ERASED }
}
