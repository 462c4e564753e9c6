package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consentry.audit.entity.AuditChainHead;
import org.consentry.audit.entity.AuditEvent;
import org.consentry.crypto.control.KeyRing;
import org.consentry.crypto.control.KeyUnavailableException;

/**
 * Links recorded events into the chain, in the order in which they became visible, and verifies it.
 * Events are written by their own transactions without touching the chain (no hot lock on every
 * request); linking takes the head's row lock, so one server at a time extends the chain.
 */
@ApplicationScoped
public class AuditChain {

    static final int BATCH = 500;

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    KeyRing keys;

    /** Links one batch of unlinked events in the caller's transaction; returns how many it linked. */
    public int linkBatch() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.SINGLETON, LockModeType.PESSIMISTIC_WRITE);
        List<AuditEvent> unlinked = em.createQuery(
                        "SELECT e FROM AuditEvent e WHERE e.chainSeq IS NULL ORDER BY e.id", AuditEvent.class)
                .setMaxResults(BATCH).getResultList();
        int version = keys.audit().newestVersion();
        ChainLink link = new ChainLink(keys.audit().chainMac(version));
        long seq = head.lastSeq();
        String previous = head.lastHash();
        for (AuditEvent event : unlinked) {
            seq++;
            String hash = link.hash(event, seq, previous);
            event.link(seq, previous, hash, version);
            head.advance(seq, hash);
            previous = hash;
        }
        return unlinked.size();
    }

    /**
     * Recomputes the chain from its start: every position present once, each hash matching its event and
     * the one before under the audit key version that made it, the head matching the last. Reports the
     * first broken position; a link whose key this server does not hold is broken too (fails closed).
     */
    public Verification verify() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.SINGLETON);
        Map<Integer, ChainLink> links = new HashMap<>();
        String previous = ChainLink.GENESIS;
        long expected = 1;
        while (expected <= head.lastSeq()) {
            List<AuditEvent> page = em.createQuery("SELECT e FROM AuditEvent e WHERE e.chainSeq >= :from"
                            + " ORDER BY e.chainSeq", AuditEvent.class)
                    .setParameter("from", expected).setMaxResults(1000).getResultList();
            if (page.isEmpty()) {
                return Verification.broken(expected - 1, expected, null, "events missing from position " + expected);
            }
            for (AuditEvent event : page) {
                if (event.chainSeq() != expected) {
                    return Verification.broken(expected - 1, expected, null, "event at position " + expected + " is missing");
                }
                if (!previous.equals(event.prevHash())) {
                    return Verification.broken(expected - 1, expected, event.id(), "does not follow the event before it");
                }
                Integer version = event.keyVersion();
                if (version == null) {
                    return Verification.broken(expected - 1, expected, event.id(), "records no audit key version");
                }
                ChainLink link;
                try {
                    link = links.computeIfAbsent(version, v -> new ChainLink(keys.audit().chainMac(v)));
                } catch (KeyUnavailableException e) {
                    return Verification.broken(expected - 1, expected, event.id(), "was linked with audit key version "
                            + version + ", which the keystore of this server does not hold");
                }
                String hash = link.hash(event, expected, previous);
                if (!hash.equals(event.hash())) {
                    return Verification.broken(expected - 1, expected, event.id(), "its content does not match its hash");
                }
                previous = hash;
                expected++;
                em.detach(event);
            }
        }
        if (!previous.equals(head.lastHash())) {
            return Verification.broken(expected - 1, head.lastSeq(), null, "the chain's end was cut off or replaced");
        }
        long pending = em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.chainSeq IS NULL", Long.class)
                .getSingleResult();
        return new Verification(true, head.lastSeq(), pending, null, null, null);
    }

    /** The entry at a position of the chain, as the database holds it now. */
    public java.util.Optional<Position> at(long seq) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.chainSeq = :seq", AuditEvent.class)
                .setParameter("seq", seq).getResultStream().findFirst()
                .map(e -> new Position(seq, e.hash(), e.keyVersion() == null ? 0 : e.keyVersion()));
    }

    /** The chain's last linked position (0 and {@link ChainLink#GENESIS} while empty). */
    public Position head() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.SINGLETON);
        return new Position(head.lastSeq(), head.lastHash(), 0);
    }

    /** A position, its hash, and the audit key version that made it (0 where unknown). */
    public record Position(long seq, String hash, int keyVersion) {
    }

    /** The result of a verification: how many entries were checked, and where it broke if it did. */
    public record Verification(boolean valid, long entries, long pending, Long brokenAt, Long brokenEventId,
                               String problem) {

        static Verification broken(long verified, long position, Long eventId, String problem) {
            return new Verification(false, verified, 0, position, eventId, problem);
        }
    }
}
