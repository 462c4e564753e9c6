package org.consentry.auditstream.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.consentry.auditstream.control.AuditSink;
import org.consentry.auditstream.control.Sinks;
import org.consentry.auditstream.control.StreamSource;
import org.consentry.platform.control.Periodic;
import org.consentry.platform.control.SafeLog;
import org.consentry.retention.control.JobLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Feeds every configured audit sink every {@code consentry.audit.ship-interval} (PT2S), each on a schedule
 * of its own. One server at a time
 * feeds a sink (a lease in job_lock, {@code audit-sink:<name>}); a batch is read, written to the sink
 * outside any transaction, and only then is the cursor moved. A sink that fails keeps its cursor: the
 * audit table holds what it missed, and the next round sends it again, in order. Requests never wait on a
 * sink: they only append to the audit table, as before.
 */
@ApplicationScoped
public class AuditShipper {

    private static final Logger LOG = Logger.getLogger(AuditShipper.class.getName());

    private final String server = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();

    @Inject
    Sinks sinks;

    @Inject
    ShipSteps steps;

    @Inject
    JobLock lock;

    @Inject
    Instance<Periodic> schedules;

    private final List<Periodic> shipping = new ArrayList<>();

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "consentry.audit.ship-interval", defaultValue = "PT2S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "consentry.audit.ship-batch", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "consentry.audit.ship-lease", defaultValue = "PT1M")
    Duration lease;

    private volatile boolean stopping;

    static String job(String sink) {
        return "audit-sink:" + sink;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (sinks.all().isEmpty()) {
            return;
        }
        for (AuditSink sink : sinks.all()) {
            try {
                lock.ensure(job(sink.name()));
            } catch (RuntimeException e) {
                // another server made the row at the same moment
            }
        }
        for (AuditSink sink : sinks.all()) { // a schedule each: a slow sink delays no other
            Periodic schedule = schedules.get();
            schedule.start(interval, LOG, "audit-ship-" + sink.name(), () -> ship(sink));
            shipping.add(schedule);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        this.stopping = true;
        shipping.forEach(Periodic::stop);
        sinks.all().forEach(AuditSink::close);
    }

    /** Feeds one sink up to the chain's head, unless another server holds its lease or the sink fails. */
    void ship(AuditSink sink) {
        String owner = server + ":" + UUID.randomUUID();
        if (!lock.acquire(job(sink.name()), owner, lease)) {
            return; // another server feeds it
        }
        try {
            StreamSource.Batch batch;
            do {
                batch = steps.next(sink.name(), batchSize);
                if (batch.entries().isEmpty()) {
                    return;
                }
                try {
                    sink.write(batch.entries());
                } catch (IOException | RuntimeException e) {
                    failed(sink, e);
                    return;
                }
                if (!steps.shipped(batch, owner, lease)) {
                    return;
                }
                recovered(sink);
                registry.counter("consentry.audit.sink.shipped", new Tag("sink", sink.name())).inc(batch.to() - batch.from());
            } while (batch.full() && !stopping);
        } finally {
            lock.release(job(sink.name()), owner);
        }
    }

    private void failed(AuditSink sink, Exception e) {
        registry.counter("consentry.audit.sink.failures", new Tag("sink", sink.name())).inc();
        if (failing.put(sink.name(), Boolean.TRUE) == null) {
            SafeLog.failure(LOG, "audit-sink " + sink.name() + " unreachable; its events wait in the audit table", e);
        }
    }

    private void recovered(AuditSink sink) {
        if (failing.remove(sink.name()) != null) {
            LOG.info(() -> "audit-sink " + sink.name() + " takes events again");
        }
    }

    /** Whether the last attempt to feed the sink on this server failed. */
    public boolean failing(String sink) {
        return failing.containsKey(sink);
    }
}
