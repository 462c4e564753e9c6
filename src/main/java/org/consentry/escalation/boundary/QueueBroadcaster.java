package org.consentry.escalation.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.consentry.escalation.control.EventAudience;
import org.consentry.escalation.control.EventAudience.Outgoing;
import org.consentry.escalation.control.EventAudience.Recipient;
import org.consentry.escalation.entity.EscalationEvent;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.SafeLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the queue's events from the database (consentry.escalation.events-poll, default PT0.25S) and
 * sends them to this server's SSE clients, so that agents on every server see changes made on any.
 * Events can commit out of id order on several servers: each poll looks back {@value #LOOK_BACK}
 * ids and skips those already sent. Each client gets its own copy: with the reason only if its user
 * may open the escalation ({@link EventAudience}).
 */
@ApplicationScoped
public class QueueBroadcaster {

    static final int LOOK_BACK = 200;
    private static final Logger LOG = Logger.getLogger(QueueBroadcaster.class.getName());

    @Inject
    BroadcastFeed feed;

    @Inject
    Caller caller;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "consentry.escalation.events-poll", defaultValue = "PT0.25S")
    Duration poll;

    /** A client; {@code onClose} gives back its place among the user's streams, once, when it is dropped. */
    private record Listener(SseEventSink sink, Recipient recipient, AtomicReference<Runnable> onClose) {
        void dropped() {
            Runnable close = onClose.getAndSet(null);
            if (close != null) {
                try {
                    close.run();
                } catch (RuntimeException e) {
                    SafeLog.failure(LOG, "queue-events-close", e);
                }
            }
        }
    }

    private volatile Sse sse;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
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
        listeners.forEach(l -> {
            l.sink().close();
            l.dropped();
        });
        listeners.clear();
    }

    /**
     * A new client: it receives what it missed since {@code lastEventId}, then every new event.
     * {@code onClose} runs once when the stream is seen closed (a send to it failed, or the server stops).
     */
    public void register(Sse sse, SseEventSink sink, String lastEventId, Runnable onClose) {
        this.sse = sse;
        Listener listener = new Listener(sink, new Recipient(caller.name(), caller.isInRole("admin")),
                new AtomicReference<>(onClose));
        listeners.add(listener);
        sink.send(sse.newEventBuilder().comment("connected").build());
        if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
            for (Outgoing missed : feed.after(Long.parseLong(lastEventId), listener.recipient())) {
                sink.send(event(missed, listener.recipient()));
            }
        }
    }

    private void pollQuietly() {
        try {
            listeners.stream().filter(l -> l.sink().isClosed()).forEach(this::drop);
            List<Outgoing> events = List.of();
            if (seenUpTo < 0) {
                seenUpTo = feed.newestId();
            } else {
                events = feed.recent(seenUpTo, Set.copyOf(sent), listeners.stream().map(Listener::recipient).toList());
            }
            for (Outgoing o : events) {
                EscalationEvent e = o.event();
                if (sent.add(e.id())) {
                    sentOrder.add(e.id());
                    listeners.forEach(l -> send(l, event(o, l.recipient())));
                }
                seenUpTo = Math.max(seenUpTo, e.id());
            }
            while (sentOrder.size() > 10 * LOOK_BACK) {
                sent.remove(sentOrder.removeFirst());
            }
            if (++polls % Math.max(1, Duration.ofSeconds(15).toMillis() / poll.toMillis()) == 0) {
                if (sse != null) {
                    OutboundSseEvent keepAlive = sse.newEventBuilder().comment("keep-alive").build();
                    listeners.forEach(l -> send(l, keepAlive));
                }
                if (polls % 14_400 == 0) {
                    feed.prune();
                }
            }
        } catch (RuntimeException e) {
            SafeLog.failure(LOG, "queue-events", e);
        }
    }

    /** Sends without waiting; a client that went away is dropped. */
    private void send(Listener listener, OutboundSseEvent event) {
        try {
            listener.sink().send(event).whenComplete((done, failure) -> {
                if (failure != null) {
                    drop(listener);
                }
            });
        } catch (RuntimeException closed) {
            drop(listener);
        }
    }

    private void drop(Listener listener) {
        listeners.remove(listener);
        listener.dropped();
    }

    private OutboundSseEvent event(Outgoing o, Recipient to) {
        EscalationEvent e = o.event();
        return sse.newEventBuilder().id(String.valueOf(e.id())).name(e.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, o.dataFor(to)).build();
    }
}
