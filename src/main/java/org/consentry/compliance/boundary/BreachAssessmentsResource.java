package org.consentry.compliance.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.consentry.compliance.control.BreachAssessor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GDPR Art. 33/34: who and what a breach exposed, whether it stayed unintelligible, and the deadline. */
@Path("breach-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "compliance", description = "Evidence for the data-protection officer (GDPR Art. 30, 33, 34; AI Act Art. 50)")
public class BreachAssessmentsResource {

    @Inject
    BreachAssessor assessor;

    @POST
    @Transactional
    @Operation(summary = "Assess a personal-data breach (GDPR Art. 33/34)",
            description = "For a window and what was compromised (DATABASE_DUMP, SERVER_MEMORY, KEK_VERSION with its version, "
                    + "CRM_CONNECTOR): the subjects and categories exposed, whether each stayed unintelligible (encrypted under "
                    + "keys not compromised, Art. 34(3)(a)), whom to notify, and the 72-hour deadline of Art. 33(1). Audited, "
                    + "without personal data.")
    public BreachAssessor.Assessment assess(@NotNull @Valid BreachAssessmentRequest request) {
        return assessor.assess(request.from(), request.to(), request.discoveredAt(), request.compromised().stream()
                .map(i -> new org.consentry.compliance.entity.Compromise(i.kind(), i.version(), i.server())).toList(),
                request.limit() == null ? 1000 : request.limit(), request.subjectIds());
    }
}
