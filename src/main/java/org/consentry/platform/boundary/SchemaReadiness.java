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
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and its schema is the version this build migrated it to. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private static final String LATEST = "SELECT \"version\" FROM \"flyway_schema_history\""
            + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC";

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
            try (ResultSet latest = query.executeQuery(LATEST)) {
                String actual = latest.next() ? latest.getString(1) : "";
                return response.status(expected != null && expected.equals(actual))
                        .withData("schemaVersion", actual)
                        .withData("expectedSchemaVersion", expected == null ? "not migrated" : expected)
                        .build();
            }
        } catch (SQLException e) {
            return response.down().withData("error", "database unreachable (SQLState " + e.getSQLState() + ")").build();
        }
    }
}
