package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.consentry.escalation.control.EscalationFeed;
import org.consentry.escalation.control.EventAudience;
import org.consentry.escalation.control.EventAudience.Outgoing;
import org.consentry.escalation.control.EventAudience.Recipient;
import org.consentry.escalation.entity.EscalationEvent;

/**
 * The queue's feed as {@link QueueBroadcaster} reads it, each read in a transaction of its own (a
 * reason is opened for each recipient that may see it): what a reconnecting client missed, the events
 * of the look-back window, and the pruning of old events.
 */
@ApplicationScoped
public class BroadcastFeed {

    @Inject
    EscalationFeed feed;

    @Inject
    EventAudience audience;

    @Inject
    Clock clock;

    @Transactional
    public List<Outgoing> after(long id, Recipient recipient) {
        return audience.address(feed.after(id, 1000), List.of(recipient));
    }

    /** The newest event's id: where a broadcaster that starts begins. */
    @Transactional
    public long newestId() {
        return feed.newestId();
    }

    /** The events of the look-back window before {@code seenUpTo}, addressed to {@code recipients}; those in {@code skip} left out. */
    @Transactional
    public List<Outgoing> recent(long seenUpTo, Set<Long> skip, List<Recipient> recipients) {
        List<EscalationEvent> fresh = feed.after(Math.max(0, seenUpTo - QueueBroadcaster.LOOK_BACK), 1000).stream()
                .filter(e -> !skip.contains(e.id())).toList();
        return audience.address(fresh, recipients);
    }

    @Transactional
    public int prune() {
        return feed.prune(clock.instant().minus(Duration.ofDays(1)));
    }
}
