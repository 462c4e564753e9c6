package org.consentry.retention.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.SafeLog;
import org.consentry.retention.control.RetainedTables;
import org.consentry.retention.control.Sweeper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sweeps every consentry.retention.sweep.every (default PT1H; PT0S turns the schedule off, leaving
 * on-demand sweeps). Every server schedules it; the sweep's database lock lets one run at a time, and
 * a server that finds it held skips its turn.
 */
@ApplicationScoped
public class SweepSchedule {

    private static final Logger LOG = Logger.getLogger(SweepSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Sweeper sweeper;

    @Inject
    RetainedTables tables;

    @Inject
    @ConfigProperty(name = "consentry.retention.sweep.every", defaultValue = "PT1H")
    Duration every;

    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        tables.all(); // refuses to start on a retention declaration it cannot enforce
        if (every.isZero() || every.isNegative()) {
            LOG.info("Scheduled retention sweeps are off (consentry.retention.sweep.every=" + every + ")");
            return;
        }
        schedule = scheduler.scheduleWithFixedDelay(this::run, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        sweeper.stop();
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void run() {
        try {
            sweeper.sweep();
        } catch (ProblemException running) {
            LOG.fine("retention sweep skipped: another server is sweeping");
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "retention sweep", e);
        }
    }
}
