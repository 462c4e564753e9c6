package org.consentry.client;

/** Consentry answered: the purpose's lawful basis does not hold for the subject (no current consent). */
public class ConsentRefusedException extends ConsentException {

    private static final long serialVersionUID = 1L;

    public ConsentRefusedException(String purpose, String method) {
        super(purpose, method + " needs the subject's consent to '" + purpose + "', which Consentry does not hold", null);
    }
}
