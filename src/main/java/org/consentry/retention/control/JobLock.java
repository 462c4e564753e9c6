package org.consentry.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.consentry.platform.control.Jdbc;

/**
 * A lease on a job in the database (job_lock), so that among several servers on one database one at a
 * time runs it. The holder renews it in every batch's transaction, so a holder that lost it (it stalled
 * past the lease and another server took over) fails that batch and changes nothing. A holder that dies
 * leaves a lease that runs out. Counts come from JDBC, which reports them exactly. Technical
 * transactions (see org.consentry.platform.control): a lease is taken, read and given back on its own,
 * whatever the job's transaction does, also by a control of a higher component (the host component's
 * HostSweeps); {@link #renew} only asserts the batch's transaction (MANDATORY) and demarcates nothing.
 */
@ApplicationScoped
public class JobLock {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    /** Who holds a job, and until when. */
    public record Holder(String owner, Instant until) {
    }

    /**
     * Makes a job's row if it has none (the jobs of host applications are named at run time). Two servers
     * making it at once meet at the primary key: the caller ignores the loser's failure.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensure(String job) {
        if (holderRow(job) == 0) {
            update("INSERT INTO job_lock (name) VALUES (?)", job);
        }
    }

    private int holderRow(String job) {
        try (PreparedStatement s = Jdbc.connection(em).prepareStatement("SELECT COUNT(*) FROM job_lock WHERE name = ?")) {
            s.setString(1, job);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job_lock cannot be read", e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(String job, String owner, Duration lease) {
        Instant now = clock.instant();
        return update("UPDATE job_lock SET owner = ?, locked_until = ? WHERE name = ?"
                + " AND (owner IS NULL OR locked_until IS NULL OR locked_until < ?)", owner, now.plus(lease), job, now) == 1;
    }

    /** Extends the lease in the caller's transaction; false when {@code owner} no longer holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean renew(String job, String owner, Duration lease) {
        return update("UPDATE job_lock SET locked_until = ? WHERE name = ? AND owner = ?",
                clock.instant().plus(lease), job, owner) == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job, String owner) {
        update("UPDATE job_lock SET owner = NULL, locked_until = NULL WHERE name = ? AND owner = ?", job, owner);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Holder> holder(String job) {
        try (PreparedStatement s = Jdbc.connection(em).prepareStatement("SELECT owner, locked_until FROM job_lock WHERE name = ?")) {
            s.setString(1, job);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    return Optional.of(new Holder(rs.getString(1), Jdbc.instant(rs.getTimestamp(2))));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job_lock cannot be read", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (PreparedStatement s = Jdbc.connection(em).prepareStatement(sql)) {
            int i = 1;
            for (Object p : parameters) {
                s.setObject(i++, p instanceof Instant at ? Jdbc.timestamp(at) : p);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job_lock cannot be updated", e);
        }
    }
}
