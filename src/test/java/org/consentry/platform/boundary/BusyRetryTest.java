package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.interceptor.InvocationContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.junit.jupiter.api.Test;

class BusyRetryTest {

    static final RuntimeException BUSY = new PersistenceException(new SQLException("lock timed out", "40XL1"));

    @Test
    void aBusyDatabaseIsTriedAgainUntilTheCallSucceeds() throws Exception {
        BusyRetry retry = retry(3, Status.STATUS_NO_TRANSACTION);
        AtomicInteger calls = new AtomicInteger();
        Object result = retry.retry(call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw BUSY;
            }
            return "granted";
        }));
        assertEquals("granted", result);
        assertEquals(3, calls.get(), "two busy answers, then the third attempt");
    }

    @Test
    void stillBusyAfterEveryAttemptIsA503WithRetryAfter() {
        BusyRetry retry = retry(3, Status.STATUS_NO_TRANSACTION);
        AtomicInteger calls = new AtomicInteger();
        ProblemException problem = assertThrows(ProblemException.class, () -> retry.retry(call(() -> {
            calls.incrementAndGet();
            throw BUSY;
        })));
        assertEquals(4, calls.get(), "the first attempt and three more");
        assertSame(Problems.BUSY, problem.type());
        assertEquals(503, problem.type().status());
        assertEquals(Duration.ofSeconds(1), problem.retryAfter().orElseThrow());
    }

    @Test
    void anythingElseAndAnyCallerTransactionPassThroughAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException conflict = new PersistenceException(new SQLException("duplicate key", "23505"));
        assertSame(conflict, assertThrows(RuntimeException.class, () -> retry(3, Status.STATUS_NO_TRANSACTION).retry(call(() -> {
            calls.incrementAndGet();
            throw conflict;
        }))));
        assertEquals(1, calls.get(), "a real conflict is not repeated");
        assertSame(BUSY, assertThrows(RuntimeException.class, () -> retry(3, Status.STATUS_ACTIVE).retry(call(() -> {
            calls.incrementAndGet();
            throw BUSY;
        }))));
        assertEquals(2, calls.get(), "inside a caller's transaction nothing is repeated");
    }

    @Test
    void pausesGrowAndVary() {
        for (int attempt = 0; attempt < 3; attempt++) {
            long base = 20L << attempt;
            long pause = BusyRetry.pause(attempt);
            assertTrue(pause >= base && pause <= 2 * base, attempt + ": " + pause);
        }
    }

    private static BusyRetry retry(int retries, int status) {
        BusyRetry retry = new BusyRetry();
        retry.retries = retries;
        retry.transactions = new Registry(status);
        return retry;
    }

    interface Body {
        Object run() throws Exception;
    }

    private static InvocationContext call(Body body) {
        return new InvocationContext() {
            @Override
            public Object proceed() throws Exception {
                return body.run();
            }

            @Override
            public Method getMethod() {
                try {
                    return BusyRetryTest.class.getDeclaredMethod("call", Body.class);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }
        };
    }

    record Registry(int status) implements TransactionSynchronizationRegistry {
        @Override
        public Object getTransactionKey() {
            return null;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
