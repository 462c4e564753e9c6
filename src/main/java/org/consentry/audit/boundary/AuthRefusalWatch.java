package org.consentry.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.control.AuthAbuse;
import org.consentry.audit.control.AuthAbuseThreshold;
import org.consentry.audit.control.AuthRefusalRefs;
import org.consentry.audit.entity.Outcome;
import org.consentry.platform.control.AuthRefusal;

/**
 * Watches refused credentials ({@link AuthRefusal}: passwords, bearer tokens, later SSO callbacks): each
 * is counted in the metrics; one that crosses a threshold ({@link AuthAbuseThreshold}) is audited as
 * {@value #ACTION} and announced as {@link AuthAbuse}, in one transaction, so the audit entry and the
 * alert's delivery (the outbox's SecurityAlerts) are stored together or not at all. Refusals below the
 * threshold, and those after it in the same window, leave no audit entry: a flood does not flood the chain.
 */
@ApplicationScoped
public class AuthRefusalWatch {

    public static final String ACTION = "auth.abuse";
    static final int REF_CHARS = 16;

    @Inject
    AuthRefusalMetrics metrics;

    @Inject
    AuthRefusalRefs refs;

    @Inject
    AuthAbuseThreshold threshold;

    @Inject
    AuditTrail trail;

    @Inject
    Event<AuthAbuse> abuse;

    @Inject
    Clock clock;

    @Transactional
    void refused(@Observes AuthRefusal refusal) {
        metrics.refused(refusal, refs.client(refusal, AuthRefusalMetrics.HASH_CHARS), refs.address(refusal, AuthRefusalMetrics.HASH_CHARS));
        Optional<String> crossed = threshold.count(refusal);
        if (crossed.isEmpty()) {
            return;
        }
        AuthAbuse found = new AuthAbuse(refusal.kind().tag(), crossed.get(), refs.client(refusal, REF_CHARS),
                refs.address(refusal, REF_CHARS), threshold.threshold(crossed.get()), threshold.window(), clock.instant());
        trail.recordAs("auth-watch", AuditEntry.of(ACTION, Outcome.DENIED).detail(found.kind() + " refusals past the "
                + found.crossed() + " threshold: " + found.count() + " in " + found.window() + "; client "
                + found.clientRef() + " from address " + found.addressRef()));
        abuse.fire(found);
        metrics.crossed(found.kind(), found.crossed());
    }
}
