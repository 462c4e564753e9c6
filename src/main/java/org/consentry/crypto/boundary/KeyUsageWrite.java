package org.consentry.crypto.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.consentry.crypto.control.KeyUsage;

/** Writes counted encryptions in a transaction of its own (see KeyUsageFlush). */
@ApplicationScoped
public class KeyUsageWrite {

    @Inject
    KeyUsage usage;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(KeyUsage.Counts counts) {
        usage.write(counts);
    }
}
