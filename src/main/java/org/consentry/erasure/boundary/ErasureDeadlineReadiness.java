package org.consentry.erasure.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.consentry.erasure.control.ErasureBacklog;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the open erasures and those past their deadline. It stays UP: a late erasure is the operator's
 * to chase, and taking the server out of the load balancer would only stop it being finished.
 */
@Readiness
@ApplicationScoped
public class ErasureDeadlineReadiness implements HealthCheck {

    @Inject
    ErasureBacklog backlog;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("erasures").up();
        try {
            ErasureBacklog.Snapshot now = backlog.now();
            return response.withData("open", now.open()).withData("pastDeadline", now.pastDeadline()).build();
        } catch (RuntimeException e) { // the database check reports the database
            return response.withData("error", "not counted").build();
        }
    }
}
