package org.consentry.erasure.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.consentry.erasure.control.Erasures;
import org.consentry.erasure.entity.ErasureRequest;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("erasures")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
@RolesAllowed("admin")
@Tag(name = "subject rights")
public class ErasuresResource {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Erasures erasures;

    @GET
    @Path("{requestId}")
    @Operation(summary = "An erasure request: its steps, receipts and deadline")
    public ErasureView erasure(@PathParam("requestId") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a request id")
                               String requestId) {
        ErasureRequest request = em.find(ErasureRequest.class, requestId);
        if (request == null) {
            throw new ProblemException(Problems.NOT_FOUND, "No erasure request " + requestId + ".");
        }
        return ErasureView.of(request, clock, erasures.receipts(request));
    }

    @GET
    @Operation(summary = "Erasure requests, with each one's age against the one-month deadline (Art. 12(3))",
            description = "Open ones (PENDING, AWAITING_CRM) oldest first when a status is given; otherwise the latest 100.")
    public List<ErasureView> erasures(@QueryParam("status") @Pattern(regexp = "PENDING|AWAITING_CRM|COMPLETED",
            message = "must be PENDING, AWAITING_CRM or COMPLETED") String status) {
        List<ErasureRequest> found = status == null
                ? em.createNamedQuery(ErasureRequest.RECENT, ErasureRequest.class).setMaxResults(100).getResultList()
                : em.createNamedQuery(ErasureRequest.BY_STATUS, ErasureRequest.class)
                        .setParameter("status", ErasureRequest.Status.valueOf(status)).setMaxResults(100).getResultList();
        return found.stream().map(r -> ErasureView.of(r, clock, erasures.receipts(r))).toList();
    }
}
