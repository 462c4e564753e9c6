package org.consentry.auditstream.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.consentry.auditstream.control.AuditSink;
import org.consentry.auditstream.control.SinkBacklog;
import org.consentry.auditstream.control.Sinks;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports what each audit sink has not received. It stays UP: a sink that is down loses nothing (the
 * audit table holds the events), and a server out of service would not feed it sooner. Alert on the data.
 */
@Readiness
@ApplicationScoped
public class AuditSinksReadiness implements HealthCheck {

    @Inject
    Sinks sinks;

    @Inject
    SinkBacklog backlog;

    @Inject
    AuditShipper shipper;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("audit-sinks").up().withData("sinks", sinks.all().size());
        for (AuditSink sink : sinks.all()) {
            try {
                SinkBacklog.Snapshot now = backlog.of(sink.name());
                response.withData(sink.name() + ".unshipped", now.unshipped())
                        .withData(sink.name() + ".oldestUnshippedSeconds", now.oldest().toSeconds())
                        .withData(sink.name() + ".failing", shipper.failing(sink.name()));
            } catch (RuntimeException e) { // the database check reports the database
                response.withData(sink.name() + ".error", "not counted");
            }
        }
        return response.build();
    }
}
