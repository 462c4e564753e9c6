package org.consentry.erasure.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.consentry.erasure.control.Erasures;
import org.consentry.erasure.entity.ErasureRequest;

/**
 * The steps of the ErasureWorker, each in a transaction of its own: a page of open requests read, one
 * request erased, its CRM receipt checked, a failure recorded.
 */
@ApplicationScoped
public class ErasureSteps {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Erasures erasures;

    /** Up to {@value ErasureWorker#PAGE} requests in {@code status} after {@code after}, in the order they were made. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ErasureWorker.Position> open(ErasureRequest.Status status, ErasureWorker.Position after) {
        var query = em.createQuery("SELECT r FROM ErasureRequest r WHERE r.status = :status" + (after == null ? ""
                        : " AND (r.requestedAt > :at OR (r.requestedAt = :at AND r.id > :id))") + " ORDER BY r.requestedAt, r.id",
                ErasureRequest.class).setParameter("status", status);
        if (after != null) {
            query.setParameter("at", after.requestedAt()).setParameter("id", after.id());
        }
        return query.setMaxResults(ErasureWorker.PAGE).getResultStream()
                .map(r -> new ErasureWorker.Position(r.requestedAt(), r.id())).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean erase(String requestId) {
        return erasures.erase(requestId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void checkReceipt(String requestId) {
        erasures.checkReceipt(requestId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String requestId, String what) {
        erasures.failed(requestId, what);
    }
}
