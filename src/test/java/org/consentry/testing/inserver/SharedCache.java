package org.consentry.testing.inserver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** What EclipseLink's shared (second-level) cache holds, for tests that prove it never serves a swept row. */
@ApplicationScoped
public class SharedCache {

    @PersistenceUnit(unitName = "consentry")
    EntityManagerFactory emf;

    public boolean holds(Class<?> entity, Object id) {
        return emf.getCache().contains(entity, id);
    }

    /** Forgets a row that a test changed past JPA. */
    public void evict(Class<?> entity, Object id) {
        emf.getCache().evict(entity, id);
    }
}
