package org.consentry.consent.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.consent.entity.ConsentRecord;
import org.consentry.consent.entity.Purpose;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;

/**
 * Grants and withdrawals against the database. Runs inside the caller's transaction; the live record
 * of a subject and purpose is read with a write lock, so two concurrent changes queue up instead of
 * both deciding from the same state (the unique constraint catches the case where neither found one).
 */
@Dependent
public class ConsentLedger {

    public static final ProblemType NOT_APPLICABLE = new ProblemType("consent-not-applicable", 409,
            "The purpose does not rest on consent");
    public static final ProblemType NOTICE_NOT_ACCEPTED = new ProblemType("notice-version-not-accepted", 400,
            "The notice version is not current");

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<ConsentChanged> changes;

    @Inject
    AuditTrail audit;

    public record Grant(String noticeVersion, String channel, String evidence) {
    }

    /** Records a consent; repeating the same grant returns the live record unchanged. */
    public ConsentRecord grant(String subjectId, Purpose purpose, Grant grant, String actor) {
        if (!purpose.requiresConsent()) {
            throw new ProblemException(NOT_APPLICABLE, "Purpose '" + purpose.id() + "' rests on "
                    + purpose.basis().article() + ", not on consent: asking for consent would mislead the subject.")
                    .with("purpose", purpose.id()).with("lawfulBasis", purpose.basis().name());
        }
        if (!purpose.accepts(grant.noticeVersion())) {
            throw new ProblemException(NOTICE_NOT_ACCEPTED, "Notice version '" + grant.noticeVersion()
                    + "' is not accepted for purpose '" + purpose.id() + "'; show the subject notice version "
                    + purpose.noticeVersion() + ".")
                    .with("field", "noticeVersion").with("purpose", purpose.id())
                    .with("currentNoticeVersion", purpose.noticeVersion());
        }
        Optional<ConsentRecord> live = lockLive(subjectId, purpose.id());
        if (live.isPresent() && live.get().sameGrant(grant.noticeVersion(), grant.channel(), grant.evidence())) {
            return live.get();
        }
        Instant now = now();
        live.ifPresent(previous -> {
            previous.supersede(actor, now);
            em.flush(); // the old record leaves the live slot before the new one takes it
        });
        ConsentRecord record = ConsentRecord.grant(subjectId, purpose.id(), grant.noticeVersion(), grant.channel(),
                grant.evidence(), actor, now);
        em.persist(record);
        em.flush();
        changes.fire(new ConsentChanged(subjectId, purpose.id(), ConsentChanged.Change.GRANTED, record.id()));
        audit.record(new AuditEntry("consent.grant", purpose.id(), subjectId, null, Outcome.DONE,
                "notice " + grant.noticeVersion() + "; channel " + grant.channel() + "; record " + record.id()
                        + live.map(previous -> "; supersedes " + previous.id()).orElse("")));
        return record;
    }

    /** Ends the live consent, if any (Art. 7(3)); the record and its history remain. */
    public Optional<ConsentRecord> withdraw(String subjectId, Purpose purpose, String actor) {
        Optional<ConsentRecord> live = lockLive(subjectId, purpose.id());
        live.ifPresent(record -> {
            record.withdraw(actor, now());
            changes.fire(new ConsentChanged(subjectId, purpose.id(), ConsentChanged.Change.WITHDRAWN, record.id()));
            audit.record(new AuditEntry("consent.withdraw", purpose.id(), subjectId, null, Outcome.DONE,
                    "record " + record.id()));
        });
        return live;
    }

    public Optional<ConsentRecord> live(String subjectId, String purposeId) {
        return em.createNamedQuery(ConsentRecord.LIVE, ConsentRecord.class)
                .setParameter("subjectId", subjectId).setParameter("purpose", purposeId)
                .getResultStream().findFirst();
    }

    /** Whether the subject has a current consent for the purpose now (granted, not withdrawn, still valid). */
    public boolean hasCurrentConsent(String subjectId, Purpose purpose) {
        return live(subjectId, purpose.id()).map(r -> purpose.isCurrent(r, now())).orElse(false);
    }

    public List<ConsentRecord> history(String subjectId) {
        return em.createNamedQuery(ConsentRecord.HISTORY, ConsentRecord.class)
                .setParameter("subjectId", subjectId).getResultList();
    }

    public Instant now() {
        // Millisecond precision: what is stored is what is answered, on Derby and PostgreSQL alike.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Optional<ConsentRecord> lockLive(String subjectId, String purposeId) {
        return em.createNamedQuery(ConsentRecord.LIVE, ConsentRecord.class)
                .setParameter("subjectId", subjectId).setParameter("purpose", purposeId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }
}
