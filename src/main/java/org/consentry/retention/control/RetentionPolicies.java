package org.consentry.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.consentry.retention.entity.DataCategory;
import org.consentry.retention.entity.PolicyOverride;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionAction;
import org.consentry.retention.entity.RetentionPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention in force per category: the configured default (consentry.retention.&lt;category&gt;.*)
 * unless a CRM admin set another. Read on every stamp, so kept in memory for
 * consentry.retention.policy-cache-ttl (PT5S): another server sees a change within that time, and the
 * re-stamp that follows a change makes its final pass only after it (see Restamping).
 */
@ApplicationScoped
public class RetentionPolicies {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    DataCategories categories;

    @Inject
    RetainedTables tables;

    @Inject
    PolicyStore store;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Event<PolicyChanged> changes;

    @Inject
    @ConfigProperty(name = "consentry.retention.policy-cache-ttl", defaultValue = "PT5S")
    Duration cacheTtl;

    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, RetentionPolicy> policies, Instant loadedAt) {
    }

    /** A policy was changed (in the caller's transaction): the category's rows are re-stamped after commit. */
    public record PolicyChanged(String category) {
    }

    public RetentionPolicy effective(String category) {
        RetentionPolicy policy = current().get(category);
        if (policy == null) {
            throw new IllegalArgumentException("no data category " + category);
        }
        return policy;
    }

    public List<RetentionPolicy> all() {
        return List.copyOf(current().values());
    }

    public Duration cacheTtl() {
        return cacheTtl;
    }

    /**
     * Sets a category's retention (in the caller's transaction), audited with the old and new value.
     * ANONYMIZE only where every table of the category can be anonymised.
     */
    public RetentionPolicy change(String category, Period period, RetentionAction action) {
        DataCategory known = categories.find(category).orElseThrow(() -> new ProblemException(Problems.NOT_FOUND,
                "No data category " + category + " (consentry.categories)."));
        if (action == RetentionAction.ANONYMIZE) {
            List<String> deleteOnly = tables.inCategory(category).stream().filter(t -> !t.anonymizable())
                    .map(RetainedTable::table).toList();
            if (!deleteOnly.isEmpty()) {
                throw new ProblemException(Problems.VALIDATION, "Invalid value for: action (the " + category
                        + " category cannot be anonymised: " + String.join(", ", deleteOnly)
                        + " rows are the personal data itself; use DELETE)").with("field", "action");
            }
        }
        RetentionPolicy before = effective(category);
        PolicyOverride override = em.find(PolicyOverride.class, category, LockModeType.PESSIMISTIC_WRITE);
        if (override == null) {
            override = new PolicyOverride(category);
            override.set(period, action, caller.name(), clock.instant());
            em.persist(override);
        } else {
            override.set(period, action, caller.name(), clock.instant());
        }
        audit.record(new AuditEntry("retention.policy", null, null, null, Outcome.DONE, category + ": "
                + before.period() + " " + before.action() + " (" + before.source() + ") -> " + period + " " + action));
        changes.fire(new PolicyChanged(category));
        snapshot = null;
        return policy(known, override);
    }

    /** Forgets the cached policies (after a change, or in tests). */
    public void forget() {
        snapshot = null;
    }

    private Map<String, RetentionPolicy> current() {
        Snapshot s = snapshot;
        Instant now = Instant.now();
        if (s == null || s.loadedAt().plus(cacheTtl).isBefore(now)) {
            Map<String, PolicyOverride> overrides = new LinkedHashMap<>();
            store.overrides().forEach(o -> overrides.put(o.category(), o));
            Map<String, RetentionPolicy> policies = new LinkedHashMap<>();
            for (DataCategory category : categories.all()) {
                policies.put(category.id(), policy(category, overrides.get(category.id())));
            }
            s = new Snapshot(Map.copyOf(policies), now);
            snapshot = s;
        }
        return s.policies();
    }

    private static RetentionPolicy policy(DataCategory category, PolicyOverride override) {
        if (override == null) {
            return new RetentionPolicy(category.id(), category.period(), category.action(), category.starts(), "default", null, null);
        }
        return new RetentionPolicy(category.id(), override.period(), override.action(), category.starts(), "admin",
                override.updatedAt(), override.updatedBy());
    }
}
