package org.consentry.crypto.control;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import org.consentry.crypto.entity.DataSubject;

/**
 * Seals a new entity's personal fields when it is persisted: clear text never reaches a row. (Values
 * changed later are sealed as they are set, by FieldSealer.replace; see SealedConverter.)
 */
public class SealingListener {

    @Inject
    FieldSealer sealer;

    @PrePersist
    void seal(Object entity) {
        // A default listener (META-INF/orm.xml) sees every entity; only a DataSubject may hold personal fields
        // (SealingCheck refuses a deployment in which another does).
        if (entity instanceof DataSubject) {
            sealer.sealPending(entity);
        }
    }
}
