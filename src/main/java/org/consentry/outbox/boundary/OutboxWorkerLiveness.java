package org.consentry.outbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the outbox worker still polls: a periodic task that died (an error escaping it ends a
 * fixed-delay schedule for good) would leave every delivery of this server unsent until a restart.
 */
@Liveness
@ApplicationScoped
public class OutboxWorkerLiveness implements HealthCheck {

    @Inject
    OutboxWorker worker;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-worker").status(worker.polling()).build();
    }
}
