package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseBusyTest {

    @Test
    void lockTimeoutsAndDeadlocksOfBothDatabasesAreBusyWhereverTheyAreInTheChain() {
        for (String state : new String[] {"40XL1", "40XL2", "40001", "40P01", "55P03", "57014"}) {
            SQLException sql = new SQLException("lock", state);
            assertTrue(DatabaseBusy.is(sql), state);
            assertTrue(DatabaseBusy.is(new PersistenceException(new RuntimeException(sql))), state + " wrapped");
            assertTrue(DatabaseBusy.is(new TransactionalException("rolled back", new PersistenceException(sql))), state + " at commit");
        }
        SQLException chained = new SQLException("batch failed", "XJ208");
        chained.setNextException(new SQLException("lock", "40XL1"));
        assertTrue(DatabaseBusy.is(chained), "a JDBC batch reports the lock timeout as the next exception");
        assertTrue(DatabaseBusy.is(new jakarta.persistence.LockTimeoutException("lock")));
        assertTrue(DatabaseBusy.is(new jakarta.persistence.PessimisticLockException("deadlock")));
    }

    @Test
    void realConflictsAndOtherFailuresAreNot() {
        assertFalse(DatabaseBusy.is(new SQLException("duplicate key", "23505")), "a unique key taken is a conflict");
        assertFalse(DatabaseBusy.is(new PersistenceException(new SQLException("duplicate", "23505"))));
        assertFalse(DatabaseBusy.is(new OptimisticLockException("changed meanwhile")));
        assertFalse(DatabaseBusy.is(new SQLException("syntax", "42X01")));
        assertFalse(DatabaseBusy.is(new IllegalStateException("no cause")));
        assertFalse(DatabaseBusy.is(null));
    }
}
