package org.consentry.outbox.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.outbox.entity.OutboxEntry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The life of an outbox entry in the database, each step a short transaction of its own: leased to a
 * worker by one conditional update (among several servers exactly one gets it), its lease renewed just
 * before it is sent, its outcome recorded: delivered on a 2xx, retried with exponential back-off and
 * jitter (or when the receiver asked, within bounds) until consentry.outbox.give-up-after (default
 * P1D), then FAILED for an admin to look at. A server that dies mid-delivery leaves a lease that
 * expires (consentry.outbox.lease, PT60S); another server then sends it again with the same id.
 */
@ApplicationScoped
public class OutboxLeases {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    SignedPost post;

    @Inject
    @ConfigProperty(name = "consentry.outbox.lease", defaultValue = "PT60S")
    Duration lease;

    @Inject
    @ConfigProperty(name = "consentry.outbox.retry-base", defaultValue = "PT1S")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "consentry.outbox.retry-cap", defaultValue = "PT5M")
    Duration retryCap;

    @Inject
    @ConfigProperty(name = "consentry.outbox.give-up-after", defaultValue = "P1D")
    Duration giveUpAfter;

    private Backoff backoff;

    /** What one lease round found due, and which of those the worker got. */
    public record Leased(int candidates, List<String> ids) {
    }

    @PostConstruct
    void init() {
        backoff = new Backoff(retryBase, retryCap);
        if (lease.compareTo(post.timeout().multipliedBy(2)) < 0) {
            // a lease that runs out while its delivery is still waiting for an answer lets another server send it too
            throw new IllegalStateException("consentry.outbox.lease (" + lease + ") must be at least twice"
                    + " consentry.outbox.request-timeout (" + post.timeout() + ")");
        }
    }

    /** The recipients that have entries due now: each is a lane drained on its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> dueLanes() {
        Instant now = now();
        return em.createQuery("SELECT DISTINCT e.recipient FROM OutboxEntry e WHERE e.status = :pending"
                        + " AND e.nextAttemptAt <= :now AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)", String.class)
                .setParameter("pending", OutboxEntry.Status.PENDING).setParameter("now", now).getResultList();
    }

    /**
     * One round: the due, unleased entries of {@code lane} (null: of every recipient) are leased to
     * {@code as} by one conditional update, and which ones it got is read back (with JDBC batch writing an
     * update's count is not to be trusted).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Leased lease(String as, String lane, int max) {
        Instant now = now();
        Instant until = now.plus(lease);
        String inLane = lane == null ? "" : " AND e.recipient = :lane";
        var query = em.createQuery("SELECT e.id FROM OutboxEntry e WHERE e.status = :pending"
                        + " AND e.nextAttemptAt <= :now AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)" + inLane
                        + " ORDER BY e.nextAttemptAt", String.class)
                .setParameter("pending", OutboxEntry.Status.PENDING).setParameter("now", now);
        if (lane != null) {
            query.setParameter("lane", lane);
        }
        List<String> due = query.setMaxResults(max).getResultList();
        if (due.isEmpty()) {
            return new Leased(0, List.of());
        }
        em.createQuery("UPDATE OutboxEntry e SET e.leaseOwner = :owner, e.leaseUntil = :until"
                        + " WHERE e.id IN :ids AND e.status = :pending AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)")
                .setParameter("owner", as).setParameter("until", until).setParameter("ids", due)
                .setParameter("pending", OutboxEntry.Status.PENDING).setParameter("now", now)
                .executeUpdate();
        List<String> mine = em.createQuery("SELECT e.id FROM OutboxEntry e WHERE e.id IN :ids AND e.leaseOwner = :owner"
                        + " AND e.leaseUntil = :until", String.class)
                .setParameter("ids", due).setParameter("owner", as).setParameter("until", until).getResultList();
        return new Leased(due.size(), mine);
    }

    /**
     * Renews the lease of {@code as} on the entry for a whole lease from now, just before it is sent, and
     * returns the entry; null if it is no longer pending or another server holds it. A batch is leased at
     * once but sent one entry after another: without the renewal, the later entries of a batch sent to a
     * slow receiver would outlive their lease and be sent by another server as well. The lease is held by
     * a row lock while renewed, so another server's lease round either sees the renewal or takes the entry
     * first (and then this one leaves it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OutboxEntry claim(String as, String id) {
        OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || entry.status() != OutboxEntry.Status.PENDING || !as.equals(entry.leaseOwner())) {
            return null;
        }
        entry.leaseTo(as, now().plus(lease));
        return entry; // detached when this transaction ends
    }

    /** Records how the attempt went; returns the entry when it has ended (delivered, failed, cancelled), else null. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OutboxEntry record(String as, String id, DeliveryResult result) {
        OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || entry.status() != OutboxEntry.Status.PENDING || !as.equals(entry.leaseOwner())) {
            return null; // erased meanwhile, or the lease ran out and another server took over
        }
        Instant now = clock.instant();
        if (result instanceof DeliveryResult.Delivered) {
            entry.attempted(OutboxEntry.Status.DELIVERED, result.what(), now, null);
        } else if (result instanceof DeliveryResult.Obsolete) {
            entry.cancel(result.what(), now);
        } else if (result instanceof DeliveryResult.Rejected) {
            entry.attempted(OutboxEntry.Status.FAILED, result.what(), now, null);
        } else {
            boolean giveUp = entry.createdAt().plus(giveUpAfter).isBefore(now);
            entry.attempted(giveUp ? OutboxEntry.Status.FAILED : OutboxEntry.Status.PENDING,
                    giveUp ? "gave up after " + giveUpAfter + ": " + result.what() : result.what(), now,
                    giveUp ? null : now.plus(wait(entry, (DeliveryResult.Retry) result)));
        }
        if (entry.status() == OutboxEntry.Status.PENDING) {
            return null;
        }
        audit.recordAs("outbox", new AuditEntry("outbox.delivery", null, entry.subjectId(), null,
                entry.status() == OutboxEntry.Status.DELIVERED ? Outcome.DONE : Outcome.FAILED,
                entry.kind() + " " + entry.id() + " to " + entry.recipient() + ": " + entry.status() + " after "
                        + entry.attempts() + " attempt(s), " + entry.lastOutcome()));
        return entry;
    }

    /** The back-off, or longer when the receiver asked for it (Retry-After), but never past twelve back-off caps. */
    private Duration wait(OutboxEntry entry, DeliveryResult.Retry retry) {
        Duration wait = backoff.after(entry.attempts());
        Duration asked = retry.after();
        if (asked != null && asked.compareTo(wait) > 0) {
            Duration bound = retryCap.multipliedBy(12);
            wait = asked.compareTo(bound) > 0 ? bound : asked;
        }
        return wait;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
