package org.consentry.retention.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.boundary.SubjectId;
import org.consentry.platform.boundary.Success;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.consentry.retention.control.LegalHolds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("subjects/{subjectId}/legal-hold")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
@RolesAllowed("admin")
@Tag(name = "retention")
public class LegalHoldResource {

    @Inject
    LegalHolds holds;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a legal hold on the subject",
            description = "While it is live, no sweep touches the subject's rows and an erasure is refused (GDPR "
                    + "Art. 17(3)(e)). Audited. 409 when a hold is already live.")
    @ProblemAnswer(status = 409, value = "legal-hold-exists: the subject is already under a legal hold")
    @Success(status = 201, value = "The hold, in force")
    public Response hold(@PathParam("subjectId") @SubjectId String subjectId, @NotNull @Valid HoldRequest body) {
        return Response.status(Response.Status.CREATED).entity(HoldView.of(holds.hold(subjectId, body.reason()))).build();
    }

    @DELETE
    @Operation(summary = "Release the subject's live legal hold", description = "Audited. 404 when none is live.")
    public HoldView release(@PathParam("subjectId") @SubjectId String subjectId) {
        return holds.release(subjectId).map(HoldView::of).orElseThrow(() -> new ProblemException(Problems.NOT_FOUND,
                "The subject has no live legal hold."));
    }

    @GET
    @Operation(summary = "The subject's legal holds, live and released, newest first")
    public List<HoldView> holds(@PathParam("subjectId") @SubjectId String subjectId) {
        return holds.of(subjectId).stream().map(HoldView::of).toList();
    }
}
