package org.consentry.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.consentry.platform.control.DatabaseBusy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enforces {@link RetryWhenBusy}: outside the method's transaction (its priority is below the
 * {@code @Transactional} interceptor's, PLATFORM_BEFORE + 200), so that each attempt is a whole new
 * transaction. Up to consentry.http.busy-retries more attempts (default 3) after a failure that
 * {@link DatabaseBusy} recognises, with a short randomised pause; what is still busy then is a 503
 * database-busy problem with Retry-After, never a 409 (nothing conflicted with the request). Inside a
 * transaction begun by a caller, nothing is repeated: the caller's transaction is lost already.
 */
@Interceptor
@RetryWhenBusy
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class BusyRetry {

    private static final Logger LOG = Logger.getLogger(BusyRetry.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "consentry.http.busy-retries", defaultValue = "3")
    int retries;

    @AroundInvoke
    Object retry(InvocationContext call) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return call.proceed();
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return call.proceed();
            } catch (RuntimeException failure) {
                if (!DatabaseBusy.is(failure)) {
                    throw failure;
                }
                if (attempt >= retries) {
                    LOG.warning(() -> call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName()
                            + ": the database was still busy after " + (retries + 1) + " attempts");
                    throw DatabaseBusy.problem(" for " + (retries + 1) + " attempts");
                }
                int step = attempt;
                LOG.fine(() -> "database busy, attempt " + (step + 1) + " of " + call.getMethod().getName() + " repeated");
                Thread.sleep(pause(attempt));
            }
        }
    }

    /** 20, 40, 80 ms ... plus up to as much again at random, so that waiting requests do not return in step. */
    static long pause(int attempt) {
        long base = 20L << Math.min(attempt, 5);
        return base + ThreadLocalRandom.current().nextLong(base + 1);
    }
}
