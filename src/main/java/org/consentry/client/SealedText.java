package org.consentry.client;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The last check before a {@link Personal} value reaches the host's table: only sealed text is written. A
 * clear value here means the entity's listener did not run (the entity lacks
 * {@code @EntityListeners(PersonalFields.class)}): a mistake in the host's code. The transaction is marked
 * for rollback, so nothing of it is written, and an AssertionError tells the caller. Not a
 * RuntimeException: EclipseLink wraps those in a message that quotes the converted value and logs it, which
 * would put the clear value in the server's log; an Error passes through unwrapped, with this message only.
 */
@Converter
public class SealedText implements AttributeConverter<String, String> {

    private static final Logger LOG = Logger.getLogger(SealedText.class.getName());

    @Override
    public String convertToDatabaseColumn(String value) {
        if (value != null && !FieldSeal.isSealed(value)) {
            refuse();
        }
        return value;
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return column;
    }

    private static void refuse() {
        String why = "A @Personal value reached the database unsealed: the entity needs"
                + " @EntityListeners(org.consentry.client.PersonalFields.class)";
        try {
            TransactionSynchronizationRegistry transaction = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
            if (transaction.getTransactionStatus() == Status.STATUS_ACTIVE) {
                transaction.setRollbackOnly();
                why += "; its transaction is rolled back";
            }
        } catch (NamingException | RuntimeException e) {
            // no JTA transaction to mark: the Error alone stops the write
        }
        LOG.severe(why);
        throw new AssertionError(why);
    }
}
