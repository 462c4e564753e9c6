package org.consentry.erasure.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.consentry.erasure.control.Erasures;
import org.consentry.erasure.control.Exports;
import org.consentry.erasure.control.Rectifications;
import org.consentry.erasure.entity.ContactCorrection;
import org.consentry.erasure.entity.ErasureRequest;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.boundary.SubjectId;
import org.consentry.platform.boundary.Success;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("subjects/{subjectId}")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
@RolesAllowed("admin")
@Tag(name = "subject rights", description = "Access, rectification and erasure (GDPR Art. 15-17, 19, 20)")
public class SubjectsResource {

    @Inject
    Erasures erasures;

    @Inject
    Exports exports;

    @Inject
    Rectifications rectifications;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @DELETE
    @Operation(summary = "Erase the subject",
            description = "202 with the request: every row of the subject is removed (consent records keep the fact "
                    + "of consent without the person), the subject's data key is destroyed, and the CRM is told. Follow "
                    + "it at the Location. Repeating it while the request is open answers the same request. 409 while "
                    + "a legal hold is live.")
    @ProblemAnswer(status = 409, value = "legal-hold: the subject is under a legal hold, nothing is erased until it is released")
    @Success(status = 202, value = "The erasure request, under way: its status at Location")
    public Response erase(@PathParam("subjectId") @SubjectId String subjectId) {
        ErasureRequest request = erasures.request(subjectId);
        return Response.accepted(ErasureView.of(request, clock, erasures.receipts(request)))
                .location(uri.getBaseUriBuilder().path("erasures/{id}").build(request.id())).build();
    }

    @GET
    @Path("export")
    @Operation(summary = "Everything held on the subject, in clear (Art. 15/20)",
            description = "Consents with their history, escalations with customer fields and transcripts (masked values "
                    + "restored), CRM contacts, tokens and deliveries, each row's retention date. Audited.")
    public Response export(@PathParam("subjectId") @SubjectId String subjectId) {
        JsonObject export = exports.export(subjectId);
        return Response.ok(export).header("Content-Disposition", "attachment; filename=\"consentry-export.json\"")
                .header("Cache-Control", "no-store").build();
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Rectify the subject's contact fields (Art. 16)",
            description = "A member left out stays as it is. The fields are corrected, re-sealed, wherever they are held; "
                    + "the CRM is told through the outbox if it had them (Art. 19). 404 when nothing is held.")
    public Rectifications.Rectified rectify(@PathParam("subjectId") @SubjectId String subjectId,
                                             @NotNull @Valid ContactPatch body) {
        ContactCorrection correction = new ContactCorrection(body.name(), body.email(), body.phone());
        if (correction.isEmpty()) {
            throw new ProblemException(Problems.VALIDATION, "Invalid value for: body (name, email or phone to correct)")
                    .with("field", "body");
        }
        return rectifications.rectify(subjectId, correction);
    }
}
