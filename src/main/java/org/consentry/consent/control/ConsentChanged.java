package org.consentry.consent.control;

/** A subject's consent to a purpose was granted or withdrawn (fired inside the changing transaction). */
public record ConsentChanged(String subjectId, String purpose) {
}
