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

    /**
     * The ConsentException a failure carries, if any: one raised in an entity listener may reach the host
     * wrapped by its JPA provider or its transaction (a PersistenceException, a TransactionalException).
     */
    public static java.util.Optional<ConsentException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsentException found) {
                return java.util.Optional.of(found);
            }
        }
        return java.util.Optional.empty();
    }

    /** The purpose the call needed. */
    public String purpose() {
        return purpose;
    }
}
