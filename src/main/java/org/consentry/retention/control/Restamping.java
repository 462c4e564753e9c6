package org.consentry.retention.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.consentry.platform.control.Jdbc;
import org.consentry.platform.control.SafeLog;
import org.consentry.retention.entity.PolicyOverride;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * After a policy change, every stored row of the category gets the retain_until of the new period:
 * keyset pages of consentry.retention.restamp-batch rows (default 1000), each page its own
 * transaction, the category marked (retention_policy.restamp) until a pass is complete. The pass
 * starts once every server has read the new policy (twice the cache TTL after the change), so that no
 * row stamped with the old policy by another server is missed; a pass is idempotent, so a crash only
 * means the next sweep runs it again before it deletes anything.
 */
@ApplicationScoped
public class Restamping {

    private static final Logger LOG = Logger.getLogger(Restamping.class.getName());

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    RetainedTables tables;

    @Inject
    RetentionPolicies policies;

    @Inject
    PolicyStore store;

    @Inject
    Restamping self;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "consentry.retention.restamp-batch", defaultValue = "1000")
    int pageSize;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RetentionPolicies.PolicyChanged change) {
        scheduler.schedule(() -> {
            try {
                finishPending();
            } catch (RuntimeException e) {
                SafeLog.failure(LOG, "restamp " + change.category(), e);
            }
        }, 2 * policies.cacheTtl().toMillis() + 100, TimeUnit.MILLISECONDS);
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
                rows += pass(table, policy);
            }
            // every server refreshes its policies within the TTL: after twice that, none stamps with the old one
            if (pending.updatedAt().plus(policies.cacheTtl().multipliedBy(2)).isBefore(clock.instant())) {
                self.done(pending.category(), pending.updatedAt());
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
            RetentionPolicy policy = policies.effective(table.category());
            Page page = self.page(table, policy, null, true);
            rows += page.stamped();
            while (page.last() != null) {
                page = self.page(table, policy, page.last(), true);
                rows += page.stamped();
            }
        }
        return rows;
    }

    private long pass(RetainedTable table, RetentionPolicy policy) {
        long rows = 0;
        Page page = self.page(table, policy, null, false);
        rows += page.stamped();
        while (page.last() != null) {
            page = self.page(table, policy, page.last(), false);
            rows += page.stamped();
        }
        return rows;
    }

    /** One page after {@code after}; {@code last} is null when it was the final one. */
    public record Page(Object last, int stamped) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Page page(RetainedTable table, RetentionPolicy policy, Object after, boolean onlyUnstamped) {
        Connection connection = Jdbc.connection(em);
        String select = "SELECT " + table.idColumn() + ", retention_start, retain_until FROM " + table.table()
                + " WHERE retention_start IS NOT NULL" + (onlyUnstamped ? " AND retain_until IS NULL" : "") + (after == null ? "" : " AND " + table.idColumn() + " > ?")
                + " ORDER BY " + table.idColumn() + " FETCH FIRST " + pageSize + " ROWS ONLY";
        List<Object[]> changes = new ArrayList<>();
        Object last = null;
        int seen = 0;
        try {
            try (PreparedStatement s = connection.prepareStatement(select)) {
                if (after != null) {
                    s.setObject(1, after);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        last = rs.getObject(1);
                        Instant start = Jdbc.instant(rs.getTimestamp(2));
                        Instant until = policy.until(start);
                        if (!until.equals(Jdbc.instant(rs.getTimestamp(3)))) {
                            changes.add(new Object[] {last, rs.getTimestamp(2), Jdbc.timestamp(until)});
                        }
                    }
                }
            }
            if (!changes.isEmpty()) {
                try (PreparedStatement u = connection.prepareStatement("UPDATE " + table.table()
                        + " SET retain_until = ? WHERE " + table.idColumn() + " = ? AND retention_start = ?")) {
                    for (Object[] change : changes) {
                        u.setTimestamp(1, (java.sql.Timestamp) change[2]);
                        u.setObject(2, change[0]);
                        u.setTimestamp(3, (java.sql.Timestamp) change[1]);
                        u.addBatch();
                    }
                    u.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("re-stamp of " + table.table() + " failed", e);
        }
        return new Page(seen == pageSize ? last : null, changes.size());
    }

    /** The re-stamp for the change made at {@code version} is complete (a newer change keeps its mark). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(String category, Instant version) {
        try (PreparedStatement s = Jdbc.connection(em).prepareStatement(
                "UPDATE retention_policy SET restamp = NULL WHERE category = ? AND updated_at = ?")) {
            s.setString(1, category);
            s.setTimestamp(2, Jdbc.timestamp(version));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("re-stamp mark cannot be cleared", e);
        }
    }
}
