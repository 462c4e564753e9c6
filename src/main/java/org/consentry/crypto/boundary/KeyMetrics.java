package org.consentry.crypto.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consentry.crypto.control.DataKeys;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * /metrics of the data keys' envelope: how many this server wrapped under a KEK (new keys, re-wrapping)
 * and unwrapped (to seal or open a subject's fields, when not cached) since it started.
 */
@ApplicationScoped
public class KeyMetrics {

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge("consentry.key.data.keys", DataKeys::wraps, new Tag("operation", "wrap"));
        registry.gauge("consentry.key.data.keys", DataKeys::unwraps, new Tag("operation", "unwrap"));
    }
}
