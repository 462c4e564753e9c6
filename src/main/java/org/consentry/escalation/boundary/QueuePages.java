package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.control.EscalationReasons;
import org.consentry.escalation.control.QueueListing;
import org.consentry.escalation.control.ReasonWords;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.platform.control.Caller;

/** The agents' queue, a page at a time. */
@ApplicationScoped
@Transactional
public class QueuePages {

    @Inject
    QueueListing listing;

    @Inject
    EscalationReasons reasons;

    @Inject
    ReasonWords reasonWords;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /**
     * A page of the queue, oldest first: every waiting escalation, or the caller's own assigned or
     * resolved ones (an admin sees everyone's). The reason is shown masked (each opening audited) where
     * the caller may open the escalation: while it waits, or while it is theirs; a resolved one's not.
     * The reason filter matches whole words, on the keyed hashes of the words shown.
     */
    public Views.QueuePage queue(EscalationStatus status, String language, String reason, QueueListing.Cursor after, int limit) {
        boolean admin = caller.isInRole("admin");
        String agent = status == EscalationStatus.WAITING || admin ? null : caller.name();
        List<String> words = reason == null ? List.of() : reasonWords.query(reason);
        QueueListing.Page page = listing.page(new QueueListing.Filter(status, agent, language, words), after, limit);
        Instant now = clock.instant();
        Access access = Access.of("escalation.queue", AgentDesk.PURPOSE);
        return new Views.QueuePage(page.items().stream()
                .map(e -> new Views.QueueItem(e.id(), e.status().name(), e.language(),
                        admin || e.isOpenTo(caller.name()) ? reasons.shown(e, access) : null, e.createdAt(),
                        Duration.between(e.createdAt(), now).getSeconds(), e.messageCount()))
                .toList(), page.total(), page.oldest(), page.next() == null ? null : page.next().encode());
    }
}
