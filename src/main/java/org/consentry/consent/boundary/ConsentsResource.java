package org.consentry.consent.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.consentry.consent.control.ConsentLedger;
import org.consentry.consent.control.GrantScope;
import org.consentry.consent.control.Purposes;
import org.consentry.consent.entity.ConsentRecord;
import org.consentry.consent.entity.ConsentStatus;
import org.consentry.consent.entity.Purpose;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.boundary.PurposeId;
import org.consentry.platform.boundary.RetryWhenBusy;
import org.consentry.platform.boundary.SubjectId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("subjects/{subjectId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
@RolesAllowed({"bot", "admin"})
@Tag(name = "consents", description = "Consent per purpose (GDPR Art. 7)")
public class ConsentsResource {

    @Inject
    ConsentLedger ledger;

    @Inject
    Purposes purposes;

    @Inject
    GrantScope scope;

    @Context
    SecurityContext security;

    @PUT
    @Path("{purpose}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RetryWhenBusy
    @Operation(summary = "Record the subject's consent to a purpose",
            description = "Stores notice version, channel, evidence, time and the caller. Repeating the same grant "
                    + "changes nothing; a grant under another notice version supersedes the live one. A bot records "
                    + "consent here only for the subject of a conversation the same bot principal handed off (else 403 "
                    + "subject-not-handed-off and nothing is stored): a subject's first consent travels inside the "
                    + "handoff or the lead (member consent). An admin records a consent on the subject's behalf (a paper "
                    + "form, a call) with evidence that references it: evidence is required, 1-2000 characters.")
    @ProblemAnswer(status = 409, value = "consent-not-applicable: the purpose rests on another lawful basis than consent")
    public ConsentView grant(@PathParam("subjectId") @SubjectId String subjectId,
                             @PathParam("purpose") @PurposeId String purpose,
                             @NotNull @Valid ConsentGrantRequest body) {
        Purpose granted = purposes.get(purpose);
        scope.check(subjectId, granted);
        var grant = new ConsentLedger.Grant(body.noticeVersion(), body.channel(), body.evidence());
        return ConsentView.of(ledger.grant(subjectId, granted, grant, caller()));
    }

    @DELETE
    @Path("{purpose}")
    @RetryWhenBusy
    @Operation(summary = "Withdraw the subject's consent to a purpose",
            description = "Ends the live consent; the record and the history stay (Art. 7(3)). Withdrawing "
                    + "when nothing is granted changes nothing.")
    @ProblemAnswer(status = 409, value = "consent-not-applicable: the purpose rests on another lawful basis than consent")
    public void withdraw(@PathParam("subjectId") @SubjectId String subjectId,
                         @PathParam("purpose") @PurposeId String purpose) {
        ledger.withdraw(subjectId, purposes.get(purpose), caller());
    }

    @GET
    @Operation(summary = "The subject's consent per purpose and the whole history")
    public ConsentsView list(@PathParam("subjectId") @SubjectId String subjectId) {
        List<ConsentRecord> history = ledger.history(subjectId);
        Instant now = ledger.now();
        List<PurposeState> states = purposes.all().stream().map(p -> stateOf(p, history, now)).toList();
        return new ConsentsView(subjectId, states, history.stream().map(ConsentView::of).toList());
    }

    private static PurposeState stateOf(Purpose purpose, List<ConsentRecord> history, Instant now) {
        String basis = purpose.basis().name();
        if (!purpose.requiresConsent()) {
            return new PurposeState(purpose.id(), basis, "NOT_APPLICABLE", true, null, null, null, null);
        }
        var latest = history.stream().filter(r -> r.purpose().equals(purpose.id()))
                .max(Comparator.comparing(ConsentRecord::grantedAt).thenComparing(ConsentRecord::id));
        if (latest.isEmpty()) {
            return new PurposeState(purpose.id(), basis, "NOT_GIVEN", false, null, purpose.noticeVersion(), null, null);
        }
        ConsentRecord r = latest.get();
        String status = r.status() == ConsentStatus.GRANTED ? "GRANTED" : "WITHDRAWN";
        return new PurposeState(purpose.id(), basis, status, purpose.isCurrent(r, now), r.noticeVersion(),
                purpose.noticeVersion(), r.grantedAt(), r.status() == ConsentStatus.WITHDRAWN ? r.endedAt() : null);
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
