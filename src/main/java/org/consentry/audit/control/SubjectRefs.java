package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import org.consentry.crypto.control.KeyRing;

/**
 * The audit names a subject by a keyed hash of its id: whoever knows the id (the DPO answering a
 * request) finds its events, but the trail itself holds no identifier of anyone.
 */
@ApplicationScoped
public class SubjectRefs {

    @Inject
    KeyRing keys;

    public String of(String subjectId) {
        if (subjectId == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.auditKey());
            byte[] digest = mac.doFinal(("consentry/subject-ref/v1|" + subjectId).getBytes(StandardCharsets.UTF_8));
            return "s_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
