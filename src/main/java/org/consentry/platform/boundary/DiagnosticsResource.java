package org.consentry.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A bare JSON endpoint for load tests to measure the server against (the same stack: TLS or not,
 * authentication, strict JSON reading, validation, JSON writing; no database). Off unless
 * consentry.diagnostics.enabled is true; then it answers 404 like any unknown path.
 */
@Path("diagnostics")
@RequestScoped
@Tag(name = "diagnostics", description = "Load-test calibration, off by default")
public class DiagnosticsResource {

    public record Echo(@NotNull @Size(max = 200) String text) {
    }

    @Inject
    @ConfigProperty(name = "consentry.diagnostics.enabled", defaultValue = "false")
    boolean enabled;

    @POST
    @Path("echo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"bot", "admin"})
    @Operation(summary = "Answers the body it was sent (only with consentry.diagnostics.enabled)")
    public Echo echo(@NotNull @Valid Echo echo) {
        if (!enabled) {
            throw new ProblemException(Problems.NOT_FOUND, FailureMapper.detailFor(404));
        }
        return echo;
    }
}
