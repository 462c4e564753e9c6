package org.consentry.auditstream.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consentry.auditstream.control.AuditSink;
import org.consentry.auditstream.control.SinkBacklog;
import org.consentry.auditstream.control.Sinks;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** /metrics of the audit sinks: per sink, events not yet shipped and the age of the oldest (read from the database). */
@ApplicationScoped
public class SinkMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    Sinks sinks;

    @Inject
    SinkBacklog backlog;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (AuditSink sink : sinks.all()) {
            Tag tag = new Tag("sink", sink.name());
            registry.gauge("consentry.audit.sink.unshipped", backlog, b -> b.of(sink.name()).unshipped(), tag);
            registry.gauge("consentry.audit.sink.oldest.unshipped.seconds", backlog,
                    b -> b.of(sink.name()).oldest().toSeconds(), tag);
        }
    }
}
