package org.consentry.host.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.host.control.HostSweeps;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.Problems;
import org.consentry.retention.control.LegalHolds;
import org.consentry.retention.control.RetentionPolicies;
import org.consentry.retention.entity.RetentionAction;
import org.consentry.retention.entity.RetentionPolicy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Retention in a host application's own tables (the client jar's {@code @Retained} entities): the policy in
 * force for a category, as CRM admins set it here, to stamp new rows with; and the host's sweeps, each of
 * one table, run by one server of the host at a time (a lease here, HostSweeps) and sparing the subjects
 * under a legal hold here. Every sweep is audited as host.retention-sweep with what it deleted and spared.
 */
@Path("host-retention")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("host")
@Tag(name = "host", description = "What a host application's client jar asks")
public class HostRetentionResource {

    /** A category's policy in force: its period (ISO 8601), what happens at its end, and when its clock starts. */
    public record Policy(String category, String period, String action, String starts) {
    }

    /** Whether this sweep may run now (another of the host's servers may hold the lease), and the held subjects to spare. */
    public record Sweep(boolean granted, String sweepId, long leaseSeconds, List<String> held) {
    }

    public static final ProblemType ONLY_DELETE = new ProblemType("host-sweep-deletes-only", 409,
            "A host's sweep can only delete");

    /** The report as audited; {@code leaseHeld} false when the sweep's lease had run out before it reported. */
    public record Reported(String table, int deleted, int spared, boolean leaseHeld) {
    }

    @Inject
    RetentionPolicies policies;

    @Inject
    LegalHolds holds;

    @Inject
    HostSweeps sweeps;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @GET
    @Path("policies/{category}")
    @Operation(summary = "The retention policy in force for a category, for a host to stamp its rows with")
    public Policy policy(@PathParam("category") @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be a category id")
                         String category) {
        RetentionPolicy policy = policyOf(category);
        return new Policy(policy.category(), policy.period().toString(), policy.action().name(), policy.starts().name());
    }

    @POST
    @Path("sweeps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Starts a host's sweep of one table: the lease, and which of its due subjects are under a legal hold")
    @ProblemAnswer(status = 409, value = "host-sweep-deletes-only: the category's policy anonymises, which a host's sweep cannot; "
            + "sweep-running")
    public Sweep start(@NotNull @Valid HostSweepRequest request) {
        RetentionPolicy policy = policyOf(request.category()); // an unknown category is a 404 before anything is leased
        if (policy.action() != RetentionAction.DELETE) {
            throw new ProblemException(ONLY_DELETE, "The category " + policy.category() + " is " + policy.action()
                    + "D at its end; a host's sweep can only delete rows. Keep the host's rows of it under a category that is deleted.");
        }
        java.util.Optional<String> lease = sweeps.lease(caller.name(), request.table());
        if (lease.isEmpty()) {
            return new Sweep(false, null, 0, List.of());
        }
        List<String> held = new LinkedHashSet<>(request.dueSubjectIds()).stream().filter(s -> holds.live(s).isPresent()).toList();
        return new Sweep(true, lease.get(), HostSweeps.LEASE.toSeconds(), held);
    }

    private RetentionPolicy policyOf(String category) {
        return policies.all().stream().filter(p -> p.category().equals(category)).findFirst()
                .orElseThrow(() -> new ProblemException(Problems.NOT_FOUND, "No data category " + category
                        + " is configured (consentry.retention.<category>.period)."));
    }

    @POST
    @Path("sweeps/{sweepId}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Ends a host's sweep: what it deleted and spared, audited; the lease is given back")
    public Reported report(@PathParam("sweepId") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a sweep id") String sweepId,
                       @NotNull @Valid HostSweepReport report) {
        boolean held = sweeps.release(caller.name(), report.table(), sweepId);
        audit.record(new AuditEntry("host.retention-sweep", null, null, null, held ? Outcome.DONE : Outcome.FAILED,
                "host " + caller.name() + "; table " + report.table() + ": " + report.deleted() + " due rows deleted, "
                        + report.spared() + " spared under a legal hold" + (held ? "" : "; the lease had run out before the report")));
        return new Reported(report.table(), report.deleted(), report.spared(), held);
    }
}
