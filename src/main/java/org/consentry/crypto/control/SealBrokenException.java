package org.consentry.crypto.control;

/**
 * A sealed value that does not open: its ciphertext, tag or associated data was changed, it was moved
 * to another row or field, or its subject's key was destroyed. Never returns garbage instead.
 */
public class SealBrokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SealBrokenException(String message) {
        super(message, null, false, false);
    }
}
