package org.consentry.crypto.control;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;

/**
 * Seals a new entity's personal fields when it is persisted: clear text never reaches a row. (Values
 * changed later are sealed as they are set, by FieldSealer.replace; see SealedConverter.)
 */
public class SealingListener {

    @Inject
    FieldSealer sealer;

    @PrePersist
    void seal(Object entity) {
        sealer.sealPending(entity);
    }
}
