package org.consentry.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.Periodic;
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
 * unless a CRM admin set another. Read on every stamp, also while an entity is being flushed at
 * commit, where no query may run: so the policies are held in memory and read again from the
 * database every consentry.retention.policy-cache-ttl (PT5S) by a background task (a failed read
 * keeps the last ones). Another server sees a change within that time; the re-stamp that follows a
 * change makes its final pass only after it (see Restamping).
 */
@ApplicationScoped
public class RetentionPolicies {

    private static final Logger LOG = Logger.getLogger(RetentionPolicies.class.getName());

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

    @Inject
    Periodic refresh;

    private volatile Map<String, RetentionPolicy> snapshot;

    /** A policy was changed (in the caller's transaction): the category's rows are re-stamped after commit. */
    public record PolicyChanged(String category) {
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyChanged change) {
        reload(); // this server at once; the others within the TTL
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
        return policy(known, override);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        reload();
        refresh.start(Duration.ofMillis(Math.max(100, cacheTtl.toMillis())), LOG, "retention policies refresh", this::reload);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        refresh.stop();
    }

    /** Reads the policies from the database now (after a change, when a sweep starts, in tests). */
    public void reload() {
        Map<String, PolicyOverride> overrides = new LinkedHashMap<>();
        store.overrides().forEach(o -> overrides.put(o.category(), o));
        Map<String, RetentionPolicy> policies = new LinkedHashMap<>();
        for (DataCategory category : categories.all()) {
            policies.put(category.id(), policy(category, overrides.get(category.id())));
        }
        snapshot = java.util.Collections.unmodifiableMap(policies);
    }

    private Map<String, RetentionPolicy> current() {
        Map<String, RetentionPolicy> s = snapshot;
        if (s == null) {
            reload(); // first use before the start-up observer ran
            s = snapshot;
        }
        return s;
    }

    private static RetentionPolicy policy(DataCategory category, PolicyOverride override) {
        if (override == null) {
            return new RetentionPolicy(category.id(), category.period(), category.action(), category.starts(), "default", null, null);
        }
        return new RetentionPolicy(category.id(), override.period(), override.action(), category.starts(), "admin",
                override.updatedAt(), override.updatedBy());
    }
}
