package org.consentry.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.consentry.platform.control.SchemaMigration;
import org.consentry.platform.control.SchemaPolicy;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Ready when the database answers, holds every migration of this build, and its schema is one this
 * code's release still serves ({@link SchemaPolicy}): the same release, or one release ahead during a
 * rolling upgrade, never a release that contracted what this code uses.
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private static final String LATEST = "SELECT \"version\" FROM \"flyway_schema_history\""
            + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC";

    private static final SchemaPolicy POLICY = SchemaPolicy.ofThisBuild();

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        String expected = migration.expectedVersion();
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement()) {
            query.setMaxRows(1);
            query.setQueryTimeout(2);
            String actual;
            try (ResultSet latest = query.executeQuery(LATEST)) {
                actual = latest.next() ? latest.getString(1) : "";
            }
            boolean migrated = expected != null && !actual.isEmpty()
                    && !MigrationVersion.fromVersion(expected).isNewerThan(MigrationVersion.fromVersion(actual));
            SchemaPolicy.Verdict verdict = POLICY.judge(connection);
            return response.status(migrated && verdict.serves())
                    .withData("schemaVersion", actual)
                    .withData("expectedSchemaVersion", expected == null ? "not migrated" : expected)
                    .withData("release", verdict.codeRelease())
                    .withData("schemaRelease", verdict.schemaRelease())
                    .withData("oldestServedRelease", verdict.oldestCode())
                    .build();
        } catch (SQLException e) {
            return response.down().withData("error", "database unreachable (SQLState " + e.getSQLState() + ")").build();
        } catch (IllegalArgumentException e) {
            return response.down().withData("error", "schema_release holds a value that is not a release").build();
        }
    }
}
