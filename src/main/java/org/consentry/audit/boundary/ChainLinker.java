package org.consentry.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.logging.Logger;
import org.consentry.audit.control.AuditChain;
import org.consentry.platform.control.Periodic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links new audit events into the chain every {@code consentry.audit.link-interval} (default PT2S) and
 * whenever the trail is read or verified. Each batch is a transaction of its own ({@link ChainBatch}); on
 * several servers the head's row lock makes them take turns.
 */
@ApplicationScoped
public class ChainLinker {

    private static final Logger LOG = Logger.getLogger(ChainLinker.class.getName());

    @Inject
    AuditChain chain;

    @Inject
    ChainBatch batch;

    @Inject
    Periodic linking;

    @Inject
    @ConfigProperty(name = "consentry.audit.link-interval", defaultValue = "PT2S")
    Duration interval;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        linking.start(interval, LOG, "audit-link", this::linkAll);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        linking.stop();
    }

    /** Links everything recorded and committed so far. */
    public long linkAll() {
        long total = 0;
        int linked;
        do {
            linked = batch.link();
            total += linked;
        } while (linked > 0);
        return total;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditChain.Verification verify() {
        return chain.verify();
    }
}
