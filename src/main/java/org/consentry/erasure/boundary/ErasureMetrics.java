package org.consentry.erasure.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consentry.erasure.control.ErasureBacklog;
import org.consentry.erasure.entity.ErasureRequest;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * /metrics of erasures: requests by state and those open past their deadline, read from the database
 * (every server reports the same, at most every five seconds).
 */
@ApplicationScoped
public class ErasureMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    ErasureBacklog backlog;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (ErasureRequest.Status status : ErasureRequest.Status.values()) {
            registry.gauge("consentry.erasure.requests", backlog, b -> b.now().byStatus().get(status),
                    new Tag("state", status.name()));
        }
        registry.gauge("consentry.erasure.past.deadline", backlog, b -> b.now().pastDeadline());
    }
}
