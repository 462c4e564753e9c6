package org.consentry.retention.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.audit.entity.AuditEvent;
import org.consentry.retention.entity.SweepRun;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * /metrics of retention sweeps, from the sweep's audit summary once it has committed: sweeps run, rows
 * deleted and anonymised, and how long each run took (from its start to its end, read from the run).
 */
@ApplicationScoped
public class SweepMetrics {

    private static final Pattern RUN = Pattern.compile("^run ([^:\\s]{1,64}):");

    @Inject
    MetricRegistry registry;

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    void swept(@Observes AuditEvent event) { // in the sweep's transaction, where its run is readable
        if (!"retention.sweep".equals(event.action()) || event.detail() == null) {
            return;
        }
        Matcher run = RUN.matcher(event.detail());
        SweepRun done = run.find() ? em.find(SweepRun.class, run.group(1)) : null;
        registry.counter("consentry.retention.sweeps").inc();
        if (done == null || done.finishedAt() == null) {
            return;
        }
        registry.counter("consentry.retention.swept.rows", new Tag("action", "deleted")).inc(done.deleted());
        registry.counter("consentry.retention.swept.rows", new Tag("action", "anonymized")).inc(done.anonymized());
        registry.timer("consentry.retention.sweep.duration").update(Duration.between(done.startedAt(), done.finishedAt()));
    }
}
