package org.consentry.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.consentry.platform.control.SchemaMigration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the schema migrations have run: until then (a long migration on a large database) an
 * orchestrator must neither route traffic nor restart the server for failing liveness.
 */
@Startup
@ApplicationScoped
public class MigrationStartup implements HealthCheck {

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        String version = migration.expectedVersion();
        return HealthCheckResponse.named("schema-migration").status(version != null)
                .withData("schemaVersion", version == null ? "migrating" : version).build();
    }
}
