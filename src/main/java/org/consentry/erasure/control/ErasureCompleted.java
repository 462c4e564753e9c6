package org.consentry.erasure.control;

/**
 * An erasure request completed: the subject's data is gone here and every recipient acknowledged its
 * notice (fired in the completing transaction). The subject is known only by its keyed reference.
 */
public record ErasureCompleted(String requestId, String subjectRef) {
}
