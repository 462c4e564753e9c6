package org.consentry.crypto.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Resource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.consentry.platform.control.Jdbc;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retired KEK versions: once every data key is re-wrapped by a newer version, an admin retires the old
 * one, and from then on it unwraps nothing, on any server, even though it may still sit in a keystore
 * or a restored backup brings back keys it wraps. Each server checks the database at most every
 * consentry.keys.retirement-check (default PT5S) per version; the retiring server knows at once.
 */
@ApplicationScoped
public class KekRetirements {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    // its own connection for the check: a key may be needed outside any transaction
    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "consentry.keys.retirement-check", defaultValue = "PT5S")
    Duration recheck;

    private Cache<Integer, Boolean> retired;

    /** Fired in the transaction that retires a version. */
    public record Retired(int version) {
    }

    @PostConstruct
    void init() {
        retired = Caffeine.newBuilder().expireAfterWrite(recheck).maximumSize(1000).build();
    }

    public boolean isRetired(int version) {
        return retired.get(version, v -> retiredAt(v).isPresent());
    }

    /** When the version was retired, if it was. */
    public Optional<Instant> retiredAt(int version) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT retired_at FROM kek_version WHERE version = ?")) {
            query.setInt(1, version);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(Jdbc.instant(row.getTimestamp(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new KeyUnavailableException("KEK version " + version + ": retirement state unreadable");
        }
    }

    /** Retires the version in the caller's transaction (the caller checked that nothing needs it). */
    public void retire(int version, Instant at) {
        Connection connection = Jdbc.connection(em);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE kek_version SET retired_at = ? WHERE version = ? AND retired_at IS NULL")) {
            update.setTimestamp(1, Jdbc.timestamp(at));
            update.setInt(2, version);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO kek_version (version, encryptions, retired_at) VALUES (?, 0, ?)")) {
                    insert.setInt(1, version);
                    insert.setTimestamp(2, Jdbc.timestamp(at));
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("KEK version " + version + " not retired: " + e.getSQLState(), e);
        }
        retired.put(version, true);
    }
}
