package org.consentry.crmsync.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import org.consentry.crmsync.entity.CrmToken;
import org.consentry.crypto.control.KeyRing;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.auditKey());
            byte[] digest = mac.doFinal(("consentry/crm-token/v1|" + text).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
