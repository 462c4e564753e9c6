package org.consentry.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Background work of one bean on the server's managed scheduler: a task run with a fixed delay (the first
 * run one interval after {@link #start}) until {@link #stop}, or once after a delay ({@link #once}). A run
 * that fails is logged under the owner's logger and incident name ({@link SafeLog}) and the schedule goes
 * on: an exception that escaped a scheduled task would end its schedule silently. Dependent: each bean
 * that injects one has a schedule of its own, started and stopped by that bean's life-cycle observers.
 */
@Dependent
public class Periodic {

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    /** Runs {@code task} every {@code every}, {@code every} after each run ends. */
    public void start(Duration every, Logger log, String incident, Runnable task) {
        long millis = every.toMillis();
        schedule = scheduler.scheduleWithFixedDelay(quietly(log, incident, task), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} once, {@code delay} from now (not cancelled by {@link #stop}). */
    public void once(Duration delay, Logger log, String incident, Runnable task) {
        scheduler.schedule(quietly(log, incident, task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the schedule still runs: started, not stopped, not ended by an error no run could catch. */
    public boolean running() {
        ScheduledFuture<?> known = schedule;
        return known != null && !known.isDone();
    }

    /** Ends the schedule; a run under way finishes. */
    public void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    static Runnable quietly(Logger log, String incident, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                SafeLog.failure(log, incident, e);
            }
        };
    }
}
