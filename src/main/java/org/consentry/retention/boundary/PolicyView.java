package org.consentry.retention.boundary;

import java.time.Instant;
import org.consentry.retention.entity.DataCategory;
import org.consentry.retention.entity.RetentionPolicy;

/**
 * A category's retention as in force: {@code starts} says when the clock starts (collection, or the
 * end of the customer relationship), {@code source} whether it is the configured default or an admin's.
 */
public record PolicyView(String category, String period, String action, String starts, String source,
                         Instant updatedAt, String updatedBy, Default defaults) {

    public record Default(String period, String action) {
    }

    static PolicyView of(RetentionPolicy policy, DataCategory category) {
        return new PolicyView(policy.category(), policy.period().toString(), policy.action().name(),
                policy.starts().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), policy.source(),
                policy.updatedAt(), policy.updatedBy(), new Default(category.period().toString(), category.action().name()));
    }
}
