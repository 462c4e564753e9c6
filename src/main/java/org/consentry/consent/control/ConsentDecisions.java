package org.consentry.consent.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import org.consentry.consent.entity.Purpose;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a subject currently consents to a purpose, remembered for a moment
 * (consentry.consent.cache-ttl, default PT5S) because the check sits on every guarded call. A grant or
 * withdrawal drops the entry on this server once it commits; other servers see it within the TTL.
 * PT0S turns the cache off. A transaction that changed a consent itself (a consent carried inside a
 * handoff) asks the ledger, never the cache: what it just recorded is not committed, nor cached, yet.
 */
@ApplicationScoped
public class ConsentDecisions {

    @Inject
    ConsentLedger ledger;

    @Inject
    @ConfigProperty(name = "consentry.consent.cache-ttl", defaultValue = "PT5S")
    Duration ttl;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private Cache<Key, Boolean> decisions;

    record Key(String subjectId, String purpose) {
    }

    @PostConstruct
    void init() {
        decisions = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    public boolean hasCurrentConsent(String subjectId, Purpose purpose) {
        Key key = new Key(subjectId, purpose.id());
        if (ttl.isZero() || changedInThisTransaction(key)) {
            return ledger.hasCurrentConsent(subjectId, purpose);
        }
        Boolean known = decisions.getIfPresent(key);
        return known != null ? known : decisions.get(key, k -> ledger.hasCurrentConsent(subjectId, purpose));
    }

    void changing(@Observes ConsentChanged change) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.putResource(new Key(change.subjectId(), change.purpose()), Boolean.TRUE);
        }
    }

    private boolean changedInThisTransaction(Key key) {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE && transactions.getResource(key) != null;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) ConsentChanged change) {
        decisions.invalidate(new Key(change.subjectId(), change.purpose()));
    }

    /** Forgets everything about a subject (erasure). */
    public void forget(String subjectId) {
        decisions.asMap().keySet().removeIf(k -> k.subjectId().equals(subjectId));
    }
}
