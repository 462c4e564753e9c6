package org.consentry.platform.control;

import java.util.Locale;

/**
 * A credential the server refused, fired (synchronously, on the request's thread) for every refusal
 * whatever checked it, so that one watcher counts, thresholds, audits and alerts them all
 * (audit's AuthRefusalWatch). Fired today for a wrong Basic password ({@code SignInLockout}) and a
 * refused bearer token ({@code RefusedTokens}); a refused OpenID Connect sign-in (the console's SSO
 * callback) is meant to be fired the same way, as {@link Kind#SSO}.
 *
 * @param client the identity the credential claimed, as the client sent it, or null when it named none:
 *               the typed user name of a password; the {@code azp} (else {@code client_id}) claim of a token,
 *               read without trusting it; the OIDC client or provider id of an SSO callback. Attacker-chosen
 *               and possibly personal data: an observer keeps it only as a keyed hash or a checked tag.
 * @param address the request's remote address: personal data, same rule
 */
public record AuthRefusal(Kind kind, String client, String address) {

    /** What was refused. */
    public enum Kind {
        PASSWORD, TOKEN, SSO;

        /** The lower-case name used in metric tags, audit details and alert bodies. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AuthRefusal {
        if (kind == null || address == null) {
            throw new IllegalArgumentException("a refusal has a kind and an address");
        }
        if (client != null && client.length() > 256) {
            client = client.substring(0, 256);
        }
    }
}
