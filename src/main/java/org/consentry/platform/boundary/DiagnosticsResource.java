package org.consentry.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.consentry.platform.entity.DiagnosticsProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Endpoints for load tests to measure the server's real work against, on the same stack (TLS or not,
 * authentication, strict JSON reading, validation, JSON writing): {@code echo} touches no database,
 * {@code insert} writes one row with JPA in one transaction. Off unless consentry.diagnostics.enabled
 * is true; then they answer 404 like any unknown path.
 */
@Path("diagnostics")
@RequestScoped
@Tag(name = "diagnostics", description = "Load-test calibration, off by default")
public class DiagnosticsResource {

    public record Echo(@NotNull @Size(max = 200) String text) {
    }

    public record Inserted(String id, String text) {
    }

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

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
        requireEnabled();
        return plain(echo);
    }

    @POST
    @Path("insert")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"bot", "admin"})
    @Transactional
    @Operation(summary = "Stores the body's text as one row (only with consentry.diagnostics.enabled)")
    public Inserted insert(@NotNull @Valid Echo echo) {
        requireEnabled();
        DiagnosticsProbe probe = new DiagnosticsProbe(plain(echo).text(), clock.instant());
        em.persist(probe);
        return new Inserted(probe.id(), probe.text());
    }

    /** Text without control characters: PostgreSQL refuses a NUL in a text column (EndpointFuzzIT found it). */
    private static Echo plain(Echo echo) {
        if (echo.text().chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(Problems.VALIDATION, "Invalid value for: text (no control characters)")
                    .with("field", "text");
        }
        return echo;
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ProblemException(Problems.NOT_FOUND, FailureMapper.detailFor(404));
        }
    }
}
