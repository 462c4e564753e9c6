package org.consentry.host.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.consent.control.ConsentDecisions;
import org.consentry.consent.control.Purposes;
import org.consentry.consent.entity.Purpose;
import org.consentry.platform.boundary.PurposeId;
import org.consentry.platform.boundary.SubjectId;
import org.consentry.platform.control.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Consent at call time for a host application's own beans (the client jar's interceptor asks here): whether
 * the purpose's lawful basis holds for the subject now, decided as Consentry's own guard decides, and
 * audited as consent.check under the host's identity. The answer says how long the host may remember it;
 * a change reaches the host sooner, pushed (HostConsentFeed).
 */
@Path("subjects/{subjectId}/consents/{purpose}/decision")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("host")
@Tag(name = "host", description = "What a host application's client jar asks")
public class ConsentDecisionsResource {

    /** The decision: allowed or not, on which basis, for how long the host may remember it. */
    public record Decision(String subjectId, String purpose, String basis, boolean allowed, long rememberSeconds) {
    }

    @Inject
    Purposes purposes;

    @Inject
    ConsentDecisions decisions;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "consentry.host.decision-ttl", defaultValue = "PT30S")
    java.time.Duration remember;

    @GET
    @Transactional
    @Operation(summary = "Whether the purpose's lawful basis holds for the subject now (audited as the host)")
    public Decision decide(@PathParam("subjectId") @SubjectId String subjectId, @PathParam("purpose") @PurposeId String purpose) {
        Purpose known = purposes.get(purpose);
        boolean allowed = !known.requiresConsent() || decisions.hasCurrentConsent(subjectId, known);
        audit.record(new AuditEntry("consent.check", known.id(), subjectId, null, allowed ? Outcome.ALLOWED : Outcome.DENIED,
                "basis " + known.basis().name() + "; host " + caller.name()));
        return new Decision(subjectId, known.id(), known.basis().name(), allowed, remember.toSeconds());
    }
}
