package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.consentry.crypto.control.KeyedHashes;

/**
 * The audit names a subject by a keyed hash of its id: whoever knows the id (the DPO answering a
 * request) finds its events, but the trail itself holds no identifier of anyone.
 */
@ApplicationScoped
public class SubjectRefs {

    @Inject
    KeyedHashes hashes;

    public String of(String subjectId) {
        if (subjectId == null) {
            return null;
        }
        return "s_" + hashes.of("consentry/subject-ref/v1", subjectId, 27);
    }
}
