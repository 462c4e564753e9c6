package org.consentry.crypto.control;

import org.consentry.platform.control.ProblemType;

/**
 * A subject's data key is not there while rows sealed under it are: an erasure destroyed it after the
 * caller read the rows (or the rows came back from a backup). The values are gone for good, which is
 * what the client is told: 410, not a server failure.
 */
public class ShreddedKeyException extends KeyUnavailableException {

    public static final ProblemType SUBJECT_ERASED = new ProblemType("subject-erased", 410, "The subject's data was erased");

    private static final long serialVersionUID = 1L;

    public ShreddedKeyException() {
        super("The subject's data key does not exist: it was destroyed by an erasure, or nothing was sealed");
    }
}
