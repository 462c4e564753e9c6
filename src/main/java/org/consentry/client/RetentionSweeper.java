package org.consentry.client;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Deletes the host's {@link Retained} rows past their {@link RetainUntil} date, every consentry.client.sweep-every
 * (PT1H), for the entities consentry.client.retained names, with SQL on the data source
 * consentry.client.datasource (the entities must not be in a shared cache, which @Personal ones never are).
 * Each run takes up to 500 due subjects of a table, asks Consentry for the table's lease (one of the host's
 * servers sweeps at a time) and which of those subjects are under a legal hold, deletes the others' due
 * rows in one transaction, and reports what it deleted and spared (audited in Consentry). Without
 * Consentry nothing is deleted: the next run tries again. Nothing about a subject reaches the host's log.
 */
@ApplicationScoped
public class RetentionSweeper {

    private static final Logger LOG = Logger.getLogger(RetentionSweeper.class.getName());
    static final int PAGE = 500;

    @Inject
    HostRetention retention;

    private List<Class<?>> retained = List.of();
    private String dataSourceName;
    private Duration every;
    private ScheduledFuture<?> schedule;

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        Optional<String[]> names = config.getOptionalValue("consentry.client.retained", String[].class);
        if (names.isEmpty()) {
            return;
        }
        dataSourceName = config.getOptionalValue("consentry.client.datasource", String.class).orElseThrow(() ->
                new IllegalStateException("consentry.client.retained is set: consentry.client.datasource must name the JNDI data"
                        + " source of those entities' tables"));
        every = config.getOptionalValue("consentry.client.sweep-every", Duration.class).orElse(Duration.ofHours(1));
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names.get()) {
            try {
                Class<?> type = Class.forName(name.strip(), false, Thread.currentThread().getContextClassLoader());
                RetainedShape.of(type); // checked now: a wrong entity stops the host's start, naming the rule
                classes.add(type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("consentry.client.retained names " + name.strip() + ", which is not a class of the host");
            }
        }
        retained = List.copyOf(classes);
    }

    /** Started with the host (and its configuration checked then). */
    void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (retained.isEmpty()) {
            return;
        }
        try {
            // the managed scheduler, by its JDK interface: a host without the concurrency feature needs none unless it sweeps
            ScheduledExecutorService scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            schedule = scheduler.scheduleWithFixedDelay(this::sweepAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (NamingException e) {
            throw new IllegalStateException("consentry.client.retained is set: the sweep needs the server's concurrency feature"
                    + " (java:comp/DefaultManagedScheduledExecutorService)", e);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    void sweepAll() {
        for (Class<?> type : retained) {
            try {
                sweep(RetainedShape.of(type));
            } catch (RuntimeException | SQLException | NamingException e) {
                // the class and message of our own exceptions name no subject; a driver's might quote a value, so only its class
                LOG.log(Level.WARNING, "Consentry retention sweep of {0} failed ({1}); the next run tries again",
                        new Object[] {type.getSimpleName(), e instanceof ConsentException ? e.getMessage() : e.getClass().getName()});
            }
        }
    }

    /** One run over one table: returns the rows deleted. */
    int sweep(RetainedShape shape) throws SQLException, NamingException {
        DataSource dataSource = InitialContext.doLookup(dataSourceName);
        Timestamp now = shape.now();
        Set<String> due = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT DISTINCT " + shape.subjectColumn
                + " FROM " + shape.table + " WHERE " + shape.untilColumn + " <= ?")) {
            q.setMaxRows(PAGE);
            q.setTimestamp(1, now);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getString(1));
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Optional<HostRetention.Sweep> sweep = retention.start(shape.table, shape.category, due);
        if (sweep.isEmpty()) {
            return 0; // another of the host's servers sweeps this table now
        }
        int deleted = 0;
        int spared = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + shape.table + " WHERE " + shape.subjectColumn
                    + " = ? AND " + shape.untilColumn + " <= ?");
                 PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + shape.table + " WHERE " + shape.subjectColumn
                         + " = ? AND " + shape.untilColumn + " <= ?")) {
                for (String subject : due) {
                    if (sweep.get().held().contains(subject)) {
                        count.setString(1, subject);
                        count.setTimestamp(2, now);
                        try (ResultSet n = count.executeQuery()) {
                            n.next();
                            spared += n.getInt(1);
                        }
                        continue;
                    }
                    delete.setString(1, subject);
                    delete.setTimestamp(2, now);
                    deleted += delete.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        retention.report(sweep.get(), shape.table, deleted, spared);
        return deleted;
    }
}
