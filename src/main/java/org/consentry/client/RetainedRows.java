package org.consentry.client;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PrePersist;
import java.time.Instant;

/**
 * The entity listener of a {@link Retained} host entity: a new row without a {@link RetainUntil} value is
 * stamped with its date of collection plus the period Consentry's policy sets for the entity's category
 * (asked of Consentry, remembered for consentry.client.key-ttl). Without Consentry's answer the row is
 * not written (fail closed: a row without a due date would be kept for ever).
 */
public class RetainedRows {

    private HostRetention retention;

    @PrePersist
    void stamp(Object entity) {
        RetainedShape shape = RetainedShape.of(entity.getClass());
        try {
            if (shape.until.get(entity) == null) {
                shape.until.set(entity, shape.stamp(retention().dueAt(shape.category, Instant.now())));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(shape.table + ": the @RetainUntil field cannot be set", e);
        }
    }

    private HostRetention retention() {
        if (retention == null) {
            retention = CDI.current().select(HostRetention.class).get(); // a JPA listener is not always a CDI bean
        }
        return retention;
    }
}
