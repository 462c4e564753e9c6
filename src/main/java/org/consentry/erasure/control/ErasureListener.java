package org.consentry.erasure.control;

import jakarta.inject.Inject;
import jakarta.persistence.PreRemove;

/**
 * Makes every removal of an entity take what depends on it along (an escalation's messages, tokens
 * and feed events), whoever removes it: the erasure, an admin tool, a future cascade. Thin by design:
 * the work is in DependentRows. (The retention sweep deletes with SQL, not through the entity manager,
 * and so does the same for its batches itself.)
 */
public class ErasureListener {

    @Inject
    DependentRows dependents;

    @PreRemove
    void removing(Object entity) {
        dependents.remove(entity);
    }
}
