package org.consentry.client;

/**
 * A guarded call did not run. The message names the purpose and the method, never the subject: map it to
 * the host's own answer (403 for a refusal, 503 when Consentry could not be asked).
 */
public abstract class ConsentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String purpose;

    ConsentException(String purpose, String message, Throwable cause) {
        super(message, cause);
        this.purpose = purpose;
    }

    /** The purpose the call needed. */
    public String purpose() {
        return purpose;
    }
}
