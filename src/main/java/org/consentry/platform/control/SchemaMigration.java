package org.consentry.platform.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects before the application takes requests: the
 * same versioned scripts (db/migration) on Derby and PostgreSQL, the few type names that differ
 * filled in as placeholders. A failed migration fails the deployment: nothing runs on a schema it
 * does not know. Several servers starting at once are serialised by Flyway's database lock.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    private volatile String expectedVersion;

    /**
     * Right after the settings check ({@link StartupSettings}), before every other start-up observer:
     * the others (retention policies, key usage, ...) read tables.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) @Initialized(ApplicationScoped.class) Object started) {
        migrate();
    }

    public synchronized void migrate() {
        if (expectedVersion != null) {
            return;
        }
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                // On Liberty, Flyway finds a classpath folder only through a marker file in it:
                // db/migration/flyway.location, and db/callback/flyway.location for its callbacks.
                .locations("classpath:db/migration")
                .placeholders(placeholdersFor(productName()))
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                // A schema one release ahead (a rolling upgrade under way, docs/operator-guide.md) holds
                // migrations this build does not know: Flyway's default already ignores them; said here
                // because the upgrade policy relies on it. SchemaPolicy decides whether this code serves it.
                .ignoreMigrationPatterns("*:future")
                .load();
        if (flyway.info().all().length == 0) {
            throw new IllegalStateException("No schema migrations found on the classpath (db/migration): refusing to start");
        }
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        String schema = current == null ? "" : current.getVersion().getVersion();
        // the newest migration this build carries: the schema may be newer (one release ahead), never older
        expectedVersion = Arrays.stream(flyway.info().all())
                .filter(m -> m.getVersion() != null && m.getState().isResolved())
                .map(MigrationInfo::getVersion).max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion).orElse("");
        LOG.info(() -> "Schema at version " + schema + " (" + result.migrationsExecuted + " migrations applied now,"
                + " this build's newest " + expectedVersion + ", database " + result.database + ")");
    }

    /** The newest migration of this build; readiness requires the database to be at least there. */
    public String expectedVersion() {
        return expectedVersion;
    }

    static Map<String, String> placeholdersFor(String productName) {
        boolean postgres = productName.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        // bytes: ciphertext and wrapped keys, read and written whole (no LOB locators); Derby's
        // largest in-row binary type holds 32672 bytes, more than any sealed field may take.
        // drop_not_null: ALTER TABLE t ALTER COLUMN c ${drop_not_null} makes a column nullable; set_not_null the reverse
        return Map.of(
                "bytes", postgres ? "BYTEA" : "VARCHAR(32672) FOR BIT DATA",
                "text", postgres ? "TEXT" : "CLOB",
                "drop_not_null", postgres ? "DROP NOT NULL" : "NULL",
                "set_not_null", postgres ? "SET NOT NULL" : "NOT NULL");
    }

    private String productName() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("The database jdbc/consentry cannot be reached", e);
        }
    }
}
