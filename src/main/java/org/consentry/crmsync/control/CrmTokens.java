package org.consentry.crmsync.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.consentry.crmsync.entity.CrmToken;
import org.consentry.crypto.control.KeyedHashes;

/**
 * Tokens for fields the CRM may only see pseudonymised: a keyed hash of subject, field and value
 * (the same value always gets the same token, so the CRM can match), with the original sealed here so
 * that the service, and only the service, can reverse it.
 */
@Dependent
public class CrmTokens {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    KeyedHashes hashes;

    @Inject
    Clock clock;

    public String token(String subjectId, String field, String value) {
        String token = "tok_" + hashes.of("consentry/crm-token/v1", subjectId + "|" + field + "|" + value, 32);
        if (em.find(CrmToken.class, token) == null) {
            em.persist(new CrmToken(token, subjectId, field, value, clock.instant()));
        }
        return token;
    }
}
