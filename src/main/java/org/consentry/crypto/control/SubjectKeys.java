package org.consentry.crypto.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import org.consentry.crypto.entity.SubjectKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data key of each subject, unwrapped on demand. Unwrapped keys are kept in memory for a short
 * time (consentry.crypto.key-cache-ttl, default PT60S; consentry.crypto.key-cache-size) because
 * unwrapping on every field would cost more than the sealing; destroying a key drops it here at once
 * and on other servers within the TTL.
 */
@ApplicationScoped
public class SubjectKeys {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    KeyRing keyRing;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    SubjectKeyStore store;

    @Inject
    @ConfigProperty(name = "consentry.crypto.key-cache-ttl", defaultValue = "PT60S")
    Duration cacheTtl;

    @Inject
    @ConfigProperty(name = "consentry.crypto.key-cache-size", defaultValue = "10000")
    long cacheSize;

    private Cache<String, Aead> unwrapped;

    @PostConstruct
    void init() {
        unwrapped = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(cacheSize).build();
    }

    /** The subject's data key; created (and committed) if the subject has none yet. */
    public Aead forSealing(String subjectId) {
        Aead key = unwrapped.getIfPresent(subjectId);
        if (key != null) {
            return key;
        }
        SubjectKey stored = store.find(subjectId).orElseGet(() -> createOrReadWinner(subjectId));
        return remember(stored);
    }

    /** The subject's data key for opening; none when it never existed or was destroyed. */
    public Aead forOpening(String subjectId) {
        Aead key = unwrapped.getIfPresent(subjectId);
        if (key != null) {
            return key;
        }
        return store.find(subjectId).map(this::remember).orElseThrow(ShreddedKeyException::new);
    }

    /** Crypto-shredding: removes the subject's data key in the caller's transaction. */
    public boolean destroy(String subjectId) {
        unwrapped.invalidate(subjectId);
        SubjectKey key = em.find(SubjectKey.class, subjectId);
        if (key == null) {
            return false;
        }
        em.remove(key);
        em.flush();
        return true;
    }

    /** The key is being removed in the current transaction: forget it now and when the transaction ends. */
    void shredding(String subjectId) {
        unwrapped.invalidate(subjectId);
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    unwrapped.invalidate(subjectId);
                }
            });
        }
    }

    /** Forgets a cached key (after a destroy committed elsewhere, or in tests). */
    public void forget(String subjectId) {
        unwrapped.invalidate(subjectId);
    }

    public void forgetAll() {
        unwrapped.invalidateAll();
    }

    private SubjectKey createOrReadWinner(String subjectId) {
        try {
            return store.create(subjectId);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            // another request or server created it at the same moment: use theirs
            return store.find(subjectId).orElseThrow(() -> e);
        }
    }

    private Aead remember(SubjectKey stored) {
        Aead key = DataKeys.aead(DataKeys.unwrap(stored.wrapped(), keyRing.kek(stored.kekVersion()), stored.subjectId()));
        unwrapped.put(stored.subjectId(), key);
        return key;
    }
}
