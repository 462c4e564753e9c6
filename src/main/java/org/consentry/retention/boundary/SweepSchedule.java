package org.consentry.retention.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.consentry.platform.control.Periodic;
import org.consentry.platform.control.ProblemException;
import org.consentry.retention.control.RetainedTables;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sweeps every consentry.retention.sweep.every (default PT1H; PT0S turns the schedule off, leaving
 * on-demand sweeps). Every server schedules it; the sweep's database lock lets one run at a time, and
 * a server that finds it held skips its turn.
 */
@ApplicationScoped
public class SweepSchedule {

    private static final Logger LOG = Logger.getLogger(SweepSchedule.class.getName());

    @Inject
    Periodic sweeping;

    @Inject
    Sweeper sweeper;

    @Inject
    RetainedTables tables;

    @Inject
    @ConfigProperty(name = "consentry.retention.sweep.every", defaultValue = "PT1H")
    Duration every;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        tables.all(); // refuses to start on a retention declaration it cannot enforce
        if (every.isZero() || every.isNegative()) {
            LOG.info("Scheduled retention sweeps are off (consentry.retention.sweep.every=" + every + ")");
            return;
        }
        sweeping.start(every, LOG, "retention sweep", this::run);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        sweeper.stop();
        sweeping.stop();
    }

    private void run() {
        try {
            sweeper.sweep();
        } catch (ProblemException running) {
            LOG.fine("retention sweep skipped: another server is sweeping");
        }
    }
}
