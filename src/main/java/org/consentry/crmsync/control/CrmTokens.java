package org.consentry.crmsync.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.consentry.crmsync.entity.CrmToken;
import org.consentry.crypto.control.KeyRing;

/**
 * Tokens for fields the CRM may only see pseudonymised: a keyed hash of subject, field and value
 * (the same value always gets the same token, so the CRM can match), with the original sealed here so
 * that the service, and only the service, can reverse it. Keyed with the pseudonym key, which never
 * rotates: a token stays the one the CRM holds when the audit key rotates.
 */
@Dependent
public class CrmTokens {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    KeyRing keys;

    @Inject
    Clock clock;

    public String token(String subjectId, String field, String value) {
        String token = "tok_" + mac(subjectId + "|" + field + "|" + value);
        if (em.find(CrmToken.class, token) == null) {
            em.persist(new CrmToken(token, subjectId, field, value, clock.instant()));
        }
        return token;
    }

    private String mac(String text) {
        return keys.audit().pseudonym("consentry/crm-token/v1", text).substring(0, 32);
    }
}
