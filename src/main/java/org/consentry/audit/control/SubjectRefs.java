package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.consentry.crypto.control.KeyRing;

/**
 * The audit names a subject by a keyed hash of its id: whoever knows the id (the DPO answering a
 * request) finds its events, but the trail itself holds no identifier of anyone. The key is the pseudonym
 * key, not the chain's: references stay the same when the audit key rotates.
 */
@ApplicationScoped
public class SubjectRefs {

    @Inject
    KeyRing keys;

    public String of(String subjectId) {
        if (subjectId == null) {
            return null;
        }
        return "s_" + keys.audit().pseudonym("consentry/subject-ref/v1", subjectId).substring(0, 27);
    }
}
