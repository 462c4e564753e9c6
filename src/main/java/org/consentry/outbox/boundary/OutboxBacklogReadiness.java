package org.consentry.outbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.consentry.outbox.control.OutboxBacklog;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports what the outbox still owes. It stays UP: a backlog means a recipient is slow or down, and
 * this server taken out of service would deliver none of it.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklogReadiness implements HealthCheck {

    @Inject
    OutboxBacklog backlog;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox").up();
        try {
            OutboxBacklog.Snapshot now = backlog.now();
            return response.withData("pending", now.pending()).withData("failed", now.failed())
                    .withData("oldestPendingSeconds", now.oldestPending().toSeconds()).build();
        } catch (RuntimeException e) { // the database check reports the database
            return response.withData("error", "not counted").build();
        }
    }
}
