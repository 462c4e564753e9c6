package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consentry.audit.entity.Outcome;
import org.consentry.crypto.control.KeyedHashes;
import org.consentry.platform.control.SignInThrottle;

/**
 * Records each sign-in lockout. The name a client typed may be a mistyped password, and an address
 * identifies a person: both appear only as keyed hashes (the pseudonym key), which an administrator
 * can match against a suspected name or address but which reveal neither.
 */
@ApplicationScoped
public class SignInAudit {

    public static final String ACTION = "auth.sign-in-locked";

    @Inject
    AuditTrail trail;

    @Inject
    KeyedHashes hashes;

    void locked(@Observes SignInThrottle.Locked lock) {
        trail.recordAs("sign-in", AuditEntry.of(ACTION, Outcome.DENIED).detail("user u_"
                + hashes.of("consentry/sign-in-user/v1", lock.user(), 16) + " from address a_"
                + hashes.of("consentry/sign-in-address/v1", lock.address(), 16) + " locked for "
                + lock.lockedFor().toSeconds() + " s"));
    }
}
