package org.consentry.erasure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.consentry.platform.control.Jdbc;
import org.consentry.retention.control.RetainedTables;
import org.consentry.retention.control.SweepBatches;
import org.consentry.retention.entity.RetainedTable;

/**
 * Removes the rows that depend on an entity being removed (its {@code @Retained} dependents), with
 * SQL on the transaction's own connection, before the entity's own DELETE is flushed.
 */
@ApplicationScoped
public class DependentRows {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    RetainedTables tables;

    /** Returns the dependent rows removed. */
    public int remove(Object entity) {
        RetainedTable table = tables.of(entity.getClass()).orElse(null);
        if (table == null || table.dependents().isEmpty()) {
            return 0;
        }
        Object id = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
        Connection connection = Jdbc.connection(em);
        try {
            return SweepBatches.removeDependents(connection, Jdbc.Dialect.of(connection), table, List.of(id));
        } catch (SQLException e) {
            throw new IllegalStateException("the rows depending on a " + entity.getClass().getSimpleName()
                    + " could not be removed", e);
        }
    }
}
