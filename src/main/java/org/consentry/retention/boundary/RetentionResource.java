package org.consentry.retention.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.consentry.retention.control.CategoryCatalog;
import org.consentry.retention.control.DataCategories;
import org.consentry.retention.control.RetentionPolicies;
import org.consentry.retention.entity.DataCategory;
import org.consentry.retention.entity.SweepRun;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("retention")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "retention", description = "Retention per data category, sweeps (GDPR Art. 5(1)(e))")
public class RetentionResource {

    private static final String CATEGORY = "[a-z][a-z0-9-]{0,31}";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    RetentionPolicies policies;

    @Inject
    DataCategories categories;

    @Inject
    Sweeper sweeper;

    @GET
    @Path("policies")
    @Operation(summary = "Every category's retention as in force, with its configured default")
    public List<PolicyView> policies() {
        return policies.all().stream().map(p -> PolicyView.of(p, category(p.category()))).toList();
    }

    @GET
    @Path("policies/{category}")
    @Operation(summary = "One category's retention")
    public PolicyView policy(@PathParam("category") @Pattern(regexp = CATEGORY, message = "must be a category id") String category) {
        return PolicyView.of(policies.effective(category(category).id()), category(category));
    }

    @PUT
    @Path("policies/{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set a category's retention",
            description = "Audited with the old and the new value. Applies to the rows already stored: they are "
                    + "re-stamped in batches in the background, and every sweep completes a pending re-stamp first.")
    public PolicyView change(@PathParam("category") @Pattern(regexp = CATEGORY, message = "must be a category id") String category,
                             @NotNull @Valid PolicyRequest body) {
        Period period;
        try {
            period = CategoryCatalog.parsePeriod(body.period());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problems.VALIDATION, "Invalid value for: period (a positive ISO-8601 period such as P90D, at most P100Y)")
                    .with("field", "period");
        }
        DataCategory known = category(category);
        return PolicyView.of(policies.change(known.id(), period, body.action()), known);
    }

    @POST
    @Path("sweeps")
    @Operation(summary = "Sweep now",
            description = "Deletes or anonymises every row that is due, except those of subjects under a legal hold, "
                    + "and answers with the report. 409 while another sweep runs (on any server).")
    @ProblemAnswer(status = 409, value = "sweep-running: another retention sweep is running")
    public SweepView sweepNow() {
        return SweepView.of(sweeper.sweep());
    }

    @GET
    @Path("sweeps")
    @Transactional
    @Operation(summary = "The latest sweeps, newest first")
    public List<SweepView> sweeps() {
        return em.createNamedQuery(SweepRun.RECENT, SweepRun.class).setMaxResults(20).getResultStream().map(SweepView::of).toList();
    }

    @GET
    @Path("sweeps/{id}")
    @Transactional
    @Operation(summary = "One sweep's progress or report")
    public SweepView sweepRun(@PathParam("id") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a sweep id") String id) {
        SweepRun run = em.find(SweepRun.class, id);
        if (run == null) {
            throw new ProblemException(Problems.NOT_FOUND, "No sweep " + id + ".");
        }
        return SweepView.of(run);
    }

    private DataCategory category(String id) {
        return categories.find(id).orElseThrow(() -> new ProblemException(Problems.NOT_FOUND,
                "No data category " + id + " (consentry.categories)."));
    }
}
