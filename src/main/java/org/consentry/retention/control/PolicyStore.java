package org.consentry.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.consentry.retention.entity.PolicyOverride;

/**
 * Reads the admins' overrides in a transaction of its own: the policies are also needed while an
 * entity is being flushed (the RetentionListener), where the caller's persistence context must not
 * run queries. A technical transaction (see org.consentry.platform.control): the RetentionPolicies
 * control reads through it, also during a flush, where no boundary could open one.
 */
@ApplicationScoped
public class PolicyStore {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PolicyOverride> overrides() {
        List<PolicyOverride> all = em.createQuery("SELECT p FROM PolicyOverride p", PolicyOverride.class).getResultList();
        all.forEach(em::detach);
        return all;
    }
}
