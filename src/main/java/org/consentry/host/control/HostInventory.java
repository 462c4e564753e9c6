package org.consentry.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.consentry.host.entity.HostField;

/** The host applications' fields of personal data, as their key requests name them (each written by HostFieldStore). */
@ApplicationScoped
public class HostInventory {

    /** A field as a key request names it. */
    public record Field(String table, String column, String category) {
    }

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    public List<HostField> all() {
        return em.createQuery("SELECT f FROM HostField f ORDER BY f.host, f.table, f.column", HostField.class).getResultList();
    }
}
