package org.consentry.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.consentry.audit.control.AuditChain;

/** Links one batch of audit events into the chain, in a transaction of its own (see ChainLinker). */
@ApplicationScoped
public class ChainBatch {

    @Inject
    AuditChain chain;

    /** Returns how many events the batch linked: 0 when none was waiting. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int link() {
        return chain.linkBatch();
    }
}
