package org.consentry.escalation.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.consentry.escalation.control.EscalationFeed;
import org.consentry.escalation.entity.EscalationEvent;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the queue's events from the database (consentry.escalation.events-poll, default PT0.25S) and
 * sends them to this server's SSE clients, so that agents on every server see changes made on any.
 * Events can commit out of id order on several servers: each poll looks back {@value #LOOK_BACK}
 * ids and skips those already sent.
 */
@ApplicationScoped
public class QueueBroadcaster {

    static final int LOOK_BACK = 200;
    private static final Logger LOG = Logger.getLogger(QueueBroadcaster.class.getName());

    @Inject
    EscalationFeed feed;

    @Inject
    QueueBroadcaster self;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "consentry.escalation.events-poll", defaultValue = "PT0.25S")
    Duration poll;

    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;
    private long seenUpTo = -1;
    private final Set<Long> sent = new HashSet<>();
    private final Deque<Long> sentOrder = new ArrayDeque<>();
    private long polls;
    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schedule = scheduler.scheduleWithFixedDelay(this::pollQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
        if (broadcaster != null) {
            broadcaster.close();
        }
    }

    /** A new client: it receives what it missed since {@code lastEventId}, then every new event. */
    public void register(Sse sse, SseEventSink sink, String lastEventId) {
        synchronized (this) {
            if (broadcaster == null) {
                this.sse = sse;
                this.broadcaster = sse.newBroadcaster();
            }
        }
        broadcaster.register(sink);
        sink.send(sse.newEventBuilder().comment("connected").build());
        if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
            for (EscalationEvent missed : self.after(Long.parseLong(lastEventId))) {
                sink.send(event(missed));
            }
        }
    }

    @Transactional
    public List<EscalationEvent> after(long id) {
        return feed.after(id, 1000);
    }

    @Transactional
    public List<EscalationEvent> recent() {
        if (seenUpTo < 0) {
            seenUpTo = feed.newestId();
            return List.of();
        }
        return feed.after(Math.max(0, seenUpTo - LOOK_BACK), 1000);
    }

    @Transactional
    public int prune() {
        return feed.prune(clock.instant().minus(Duration.ofDays(1)));
    }

    private void pollQuietly() {
        try {
            List<EscalationEvent> events = self.recent();
            for (EscalationEvent e : events) {
                if (sent.add(e.id())) {
                    sentOrder.add(e.id());
                    if (broadcaster != null) {
                        broadcaster.broadcast(event(e));
                    }
                }
                seenUpTo = Math.max(seenUpTo, e.id());
            }
            while (sentOrder.size() > 10 * LOOK_BACK) {
                sent.remove(sentOrder.removeFirst());
            }
            if (++polls % Math.max(1, Duration.ofSeconds(15).toMillis() / poll.toMillis()) == 0) {
                if (broadcaster != null) {
                    broadcaster.broadcast(sse.newEventBuilder().comment("keep-alive").build());
                }
                if (polls % 14_400 == 0) {
                    self.prune();
                }
            }
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "queue-events", e);
        }
    }

    private OutboundSseEvent event(EscalationEvent e) {
        return sse.newEventBuilder().id(String.valueOf(e.id())).name(e.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, e.data()).build();
    }
}
