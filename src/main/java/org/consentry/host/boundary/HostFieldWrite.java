package org.consentry.host.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.consentry.host.control.HostFieldStore;
import org.consentry.host.control.HostInventory;

/** Writes one host field of the inventory in a transaction of its own (see HostFieldsSeen). */
@ApplicationScoped
public class HostFieldWrite {

    @Inject
    HostFieldStore store;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String host, String purpose, HostInventory.Field field) {
        store.record(host, purpose, field);
    }
}
