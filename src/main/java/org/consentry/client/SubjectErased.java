package org.consentry.client;

/**
 * Consentry erased a data subject (GDPR Art. 17): a CDI event raised in the host when the signed notice
 * arrives, before the client acknowledges it. Observe it to delete or anonymise the rows the host keeps of
 * the subject outside {@link Personal} fields (those are unreadable already). An observer that throws makes
 * the acknowledgement fail: Consentry sends the notice again and the erasure stays open until the host
 * takes it, so an observer must be safe to run twice. The request id is what Consentry's erasure receipt
 * names.
 */
public record SubjectErased(String subjectId, String requestId) {
}
