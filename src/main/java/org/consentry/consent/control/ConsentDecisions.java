package org.consentry.consent.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import org.consentry.consent.entity.Purpose;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a subject currently consents to a purpose, remembered for a moment
 * (consentry.consent.cache-ttl, default PT5S) because the check sits on every guarded call. A grant or
 * withdrawal drops the entry on this server once it commits; other servers see it within the TTL.
 * PT0S turns the cache off.
 */
@ApplicationScoped
public class ConsentDecisions {

    @Inject
    ConsentLedger ledger;

    @Inject
    @ConfigProperty(name = "consentry.consent.cache-ttl", defaultValue = "PT5S")
    Duration ttl;

    private Cache<Key, Boolean> decisions;

    record Key(String subjectId, String purpose) {
    }

    @PostConstruct
    void init() {
        decisions = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    public boolean hasCurrentConsent(String subjectId, Purpose purpose) {
        if (ttl.isZero()) {
            return ledger.hasCurrentConsent(subjectId, purpose);
        }
        Key key = new Key(subjectId, purpose.id());
        Boolean known = decisions.getIfPresent(key);
        return known != null ? known : decisions.get(key, k -> ledger.hasCurrentConsent(subjectId, purpose));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) ConsentChanged change) {
        decisions.invalidate(new Key(change.subjectId(), change.purpose()));
    }

    /** Forgets everything about a subject (erasure). */
    public void forget(String subjectId) {
        decisions.asMap().keySet().removeIf(k -> k.subjectId().equals(subjectId));
    }
}
