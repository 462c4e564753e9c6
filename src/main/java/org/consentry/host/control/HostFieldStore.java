package org.consentry.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.consentry.host.entity.HostField;

/** Writes one host field of the inventory, in the caller's transaction (HostFieldWrite opens one of its own). */
@ApplicationScoped
public class HostFieldStore {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    public void record(String host, String purpose, HostInventory.Field field) {
        HostField stored = em.find(HostField.class, HostField.idOf(host, field.table(), field.column()));
        if (stored == null) {
            em.persist(new HostField(host, field.table(), field.column(), purpose, field.category(), clock.instant()));
        } else {
            stored.seen(purpose, field.category(), clock.instant());
        }
        em.flush();
    }
}
