package org.consentry.platform.control;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Tells a failure that says "the database is busy, the same request will succeed in a moment" (a lock
 * wait that timed out, a deadlock whose victim this transaction was) from a real conflict (two changes
 * of one record, a unique key taken: SQLState class 23, an optimistic lock). The first is retried by the
 * server ({@code BusyRetry}) and, if it persists, answered 503 with Retry-After; the second is a 409.
 */
public final class DatabaseBusy {

    /**
     * Derby: 40XL1/40XL2 lock wait timed out, 40001 deadlock victim. PostgreSQL: 40P01 deadlock, 40001
     * serialization failure, 55P03 lock not available (lock_timeout), 57014 statement cancelled by a
     * statement_timeout.
     */
    private static final Set<String> STATES = Set.of("40XL1", "40XL2", "40001", "40P01", "55P03", "57014");

    /** When a client may send a request that met a busy database again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private DatabaseBusy() {
    }

    /** The 503 database-busy answer, with Retry-After; {@code how} says what was tried. */
    public static ProblemException problem(String how) {
        return new ProblemException(Problems.BUSY, "Other work held the records this request needs" + how
                + "; nothing was changed. Send the same request again.").retryAfter(RETRY_AFTER);
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && STATES.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
