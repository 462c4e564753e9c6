package org.consentry.crypto.control;

/** A key that is needed is not there: a KEK version missing from the keystore, or a shredded data key. */
public class KeyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyUnavailableException(String message) {
        super(message);
    }
}
