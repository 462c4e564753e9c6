package org.consentry.retention.control;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.consentry.retention.entity.RetainedRow;

/**
 * Stamps retentionStart and retainUntil on a {@code @Retained} entity when it is stored and whenever
 * it changes (a conversation that closes starts its clock again). Thin by design: the rules are in
 * RetentionStamps.
 */
public class RetentionListener {

    @Inject
    RetentionStamps stamps;

    @PrePersist
    @PreUpdate
    void stamp(Object entity) {
        // A default listener (META-INF/orm.xml): every entity passes here, a @Retained one is stamped.
        if (entity instanceof RetainedRow row) {
            stamps.stamp(row);
        }
    }
}
