package org.consentry.sso.control;

import com.ibm.websphere.security.WSSecurityException;
import com.ibm.websphere.security.openidconnect.PropagationHelper;
import com.ibm.websphere.security.openidconnect.token.IdToken;
import java.time.Instant;
import java.util.Optional;

/**
 * The ID token of the current request's single sign-on session, from Liberty's OpenID Connect client (its
 * API, present only with the feature openidConnectClient-1.0: call only when {@link SsoSettings#enabled()}).
 * Empty for requests that signed in otherwise (Basic, a bearer token).
 */
public record SsoSession(String rawIdToken, Instant signedInAt) {

    public static Optional<SsoSession> current() {
        IdToken token = PropagationHelper.getIdToken();
        if (token == null) {
            return Optional.empty();
        }
        // auth_time: when the user last proved who they are at the provider (a silent renewal keeps it)
        long seconds = token.getAuthorizationTimeSeconds() > 0 ? token.getAuthorizationTimeSeconds()
                : token.getIssuedAtTimeSeconds();
        try {
            return Optional.of(new SsoSession(token.getRawIdToken(), Instant.ofEpochSecond(seconds)));
        } catch (WSSecurityException e) {
            throw new IllegalStateException("the single sign-on session's ID token cannot be read", e);
        }
    }

    public boolean expired(Instant now, java.time.Duration max) {
        return !now.isBefore(signedInAt.plus(max));
    }
}
