package org.consentry.escalation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.escalation.entity.AiDisclosure;
import org.consentry.escalation.entity.Escalation;
import org.consentry.platform.boundary.QueryInstant;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * AI Act Art. 50(1): the conversations handed to humans in a period, how many recorded that the bot
 * told the customer it was an AI, and the ones that did not (shown as NOT_SHOWN or NOT_RECORDED),
 * with when a human joined. No personal data: ids the bot chose and times.
 */
@Path("reports/ai-disclosure")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "compliance", description = "Evidence for the data-protection officer (GDPR Art. 30, 33, 34; AI Act Art. 50)")
public class AiDisclosureResource {

    /** The most conversations one report lists. */
    static final int MAX_LIMIT = 1000;

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    public record Conversation(String escalationId, String conversationId, Instant createdAt, String aiDisclosure,
                               Instant humanJoinedAt) {
    }

    public record Report(Instant from, Instant to, long conversations, long shown, long notShown, long notRecorded,
                         long humanJoined,
                         @Schema(maxItems = MAX_LIMIT, description = "At most limit, oldest first; truncated says whether more exist")
                         List<Conversation> withoutDisclosure,
                         boolean truncated) {
    }

    @GET
    @Transactional
    @Operation(summary = "Conversations without a recorded AI disclosure (AI Act Art. 50)",
            description = "Handoffs created in [from, to) (default: the last 30 days): counts by what the bot recorded in "
                    + "aiDisclosureShown, how many a human joined, and the conversations without a disclosure, oldest first.")
    public Report report(@QueryParam("from") @Pattern(regexp = QueryInstant.PATTERN, message = QueryInstant.MESSAGE) String from,
                         @QueryParam("to") @Pattern(regexp = QueryInstant.PATTERN, message = QueryInstant.MESSAGE) String to,
                         @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(MAX_LIMIT) int limit) {
        Instant until = to == null ? clock.instant() : QueryInstant.parse("to", to);
        Instant since = from == null ? until.minus(DEFAULT_PERIOD) : QueryInstant.parse("from", from);
        if (!since.isBefore(until)) {
            throw new ProblemException(Problems.VALIDATION, "from must be before to.").with("field", "from");
        }
        Object[] counts = em.createQuery("SELECT COUNT(e),"
                        + " SUM(CASE WHEN e.aiDisclosure = :shown THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN e.aiDisclosure = :notShown THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN e.aiDisclosure IS NULL THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN e.humanJoinedAt IS NULL THEN 0 ELSE 1 END)"
                        + " FROM Escalation e WHERE e.createdAt >= :from AND e.createdAt < :to", Object[].class)
                .setParameter("shown", AiDisclosure.SHOWN).setParameter("notShown", AiDisclosure.NOT_SHOWN)
                .setParameter("from", since).setParameter("to", until).getSingleResult();
        List<Conversation> without = em.createQuery("SELECT e FROM Escalation e WHERE e.createdAt >= :from"
                        + " AND e.createdAt < :to AND (e.aiDisclosure IS NULL OR e.aiDisclosure <> :shown)"
                        + " ORDER BY e.createdAt, e.id", Escalation.class)
                .setParameter("from", since).setParameter("to", until).setParameter("shown", AiDisclosure.SHOWN)
                .setMaxResults(limit + 1).getResultStream()
                .map(e -> new Conversation(e.id(), e.conversationId(), e.createdAt(),
                        e.aiDisclosure() == null ? "NOT_RECORDED" : e.aiDisclosure().name(), e.humanJoinedAt()))
                .toList();
        long notShown = number(counts[2]);
        long notRecorded = number(counts[3]);
        return new Report(since, until, number(counts[0]), number(counts[1]), notShown, notRecorded, number(counts[4]),
                without.subList(0, Math.min(limit, without.size())), without.size() > limit);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

}
