package org.consentry.crypto.control;

import jakarta.inject.Inject;
import jakarta.persistence.PreRemove;
import org.consentry.crypto.entity.SubjectKey;

/**
 * Whatever removes a subject's data key, the unwrapped copy in memory goes too: at once, and again
 * when the transaction ends (a request on another thread may have cached it meanwhile). Other servers
 * drop theirs within consentry.crypto.key-cache-ttl.
 */
public class KeyShredding {

    @Inject
    SubjectKeys keys;

    @PreRemove
    void removing(Object entity) {
        // A default listener (META-INF/orm.xml): every removal passes here, a data key's is acted on.
        if (entity instanceof SubjectKey key) {
            keys.shredding(key.subjectId());
        }
    }
}
