package org.consentry.client;

/**
 * Consentry could not be asked, or refused to answer (unreachable, too slow, a 5xx, the host's credentials
 * or the purpose unknown to it): the call did not run, because without an answer nothing is allowed.
 */
public class ConsentUnavailableException extends ConsentException {

    private static final long serialVersionUID = 1L;

    public ConsentUnavailableException(String purpose, String why, Throwable cause) {
        super(purpose, "Consentry could not decide on '" + purpose + "': " + why, cause);
    }
}
