package org.consentry.retention.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.consentry.platform.control.Periodic;
import org.consentry.retention.control.PolicyStore;
import org.consentry.retention.control.RestampPages;
import org.consentry.retention.control.RetainedTables;
import org.consentry.retention.control.RetentionPolicies;
import org.consentry.retention.entity.PolicyOverride;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionPolicy;

/**
 * After a policy change, every stored row of the category gets the retain_until of the new period:
 * keyset pages of consentry.retention.restamp-batch rows (default 1000), each page its own transaction
 * ({@link RestampPage}), the category marked (retention_policy.restamp) until a pass is complete. The
 * pass starts once every server has read the new policy (twice the cache TTL after the change), so that
 * no row stamped with the old policy by another server is missed; a pass is idempotent, so a crash only
 * means the next sweep runs it again before it deletes anything.
 */
@ApplicationScoped
public class Restamping {

    private static final Logger LOG = Logger.getLogger(Restamping.class.getName());

    @Inject
    RetainedTables tables;

    @Inject
    RetentionPolicies policies;

    @Inject
    PolicyStore store;

    @Inject
    RestampPage pages;

    @Inject
    Clock clock;

    @Inject
    Periodic later;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RetentionPolicies.PolicyChanged change) {
        later.once(Duration.ofMillis(2 * policies.cacheTtl().toMillis() + 100), LOG, "restamp " + change.category(),
                this::finishPending);
    }

    /** Runs a pass for every category whose re-stamp is not complete. Returns the rows re-stamped. */
    public long finishPending() {
        long rows = 0;
        for (PolicyOverride pending : store.overrides()) {
            if (!pending.restampPending()) {
                continue;
            }
            policies.reload();
            RetentionPolicy policy = policies.effective(pending.category());
            for (RetainedTable table : tables.inCategory(pending.category())) {
                rows += pass(table, policy, false);
            }
            // every server refreshes its policies within the TTL: after twice that, none stamps with the old one
            if (pending.updatedAt().plus(policies.cacheTtl().multipliedBy(2)).isBefore(clock.instant())) {
                pages.done(pending.category(), pending.updatedAt());
            }
        }
        return rows;
    }

    /**
     * Stamps the rows that have a clock start and no retain_until (rows stored before retention existed,
     * whose start the migration set). Returns the rows stamped.
     */
    public long stampUnstamped() {
        long rows = 0;
        for (RetainedTable table : tables.all()) {
            rows += pass(table, policies.effective(table.category()), true);
        }
        return rows;
    }

    private long pass(RetainedTable table, RetentionPolicy policy, boolean onlyUnstamped) {
        long rows = 0;
        RestampPages.Page page = pages.page(table, policy, null, onlyUnstamped);
        rows += page.stamped();
        while (page.last() != null) {
            page = pages.page(table, policy, page.last(), onlyUnstamped);
            rows += page.stamped();
        }
        return rows;
    }
}
