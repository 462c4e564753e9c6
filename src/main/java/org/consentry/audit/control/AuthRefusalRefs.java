package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.consentry.crypto.control.KeyedHashes;
import org.consentry.platform.control.AuthRefusal;

/**
 * The keyed hashes (pseudonym key) that stand for a refused credential's client and address in audit
 * entries, alerts and metric tags. A typed user name and an address share their domains with the sign-in
 * lockout's audit (SignInAudit), so an administrator can match an alert with a lockout, or with a
 * suspected name or address, without either being stored.
 */
@ApplicationScoped
public class AuthRefusalRefs {

    static final String USER_DOMAIN = "consentry/sign-in-user/v1";
    static final String ADDRESS_DOMAIN = "consentry/sign-in-address/v1";
    static final String CLIENT_DOMAIN = "consentry/auth-client/v1";

    @Inject
    KeyedHashes hashes;

    /** {@code u_} and the hash of a typed user name, {@code c_} and that of a claimed client, or {@code none}. */
    public String client(AuthRefusal refusal, int chars) {
        if (refusal.client() == null) {
            return "none";
        }
        return refusal.kind() == AuthRefusal.Kind.PASSWORD
                ? "u_" + hashes.of(USER_DOMAIN, refusal.client(), chars)
                : "c_" + hashes.of(CLIENT_DOMAIN, refusal.client(), chars);
    }

    public String address(AuthRefusal refusal, int chars) {
        return "a_" + hashes.of(ADDRESS_DOMAIN, refusal.address(), chars);
    }
}
