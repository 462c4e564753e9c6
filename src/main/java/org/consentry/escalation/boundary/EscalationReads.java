package org.consentry.escalation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.consentry.escalation.control.QueueListing;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The read side of the escalations' endpoints: the queue, an escalation with its transcript, the agents'
 * replies for a bot without a callback. {@link EscalationsResource}, the side that changes them, is the
 * resource and inherits these operations, so that each keeps its path and its operation id
 * ({@code EscalationsResource_queue}, ...).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class EscalationReads {

    static final String ID = "[0-9a-f-]{36}";
    static final String ID_MESSAGE = "must be an escalation id";
    static final String TOTAL = "Consentry-Total";
    static final String OLDEST = "Consentry-Oldest-Waiting-Since";

    @Inject
    AgentDesk desk;

    @Inject
    QueuePages queue;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "The queue, oldest first, a page at a time: the reason masked, where the caller may open the chat",
            description = "status=WAITING shows every waiting escalation; ASSIGNED and RESOLVED show an agent their own. "
                    + "language and reason (whole words of the reason as shown, any case; matched on keyed hashes, since the reason "
                    + "is sealed) narrow it. Every answer says how many "
                    + "match in all (" + TOTAL + ") and since when the oldest waits (" + OLDEST + "); a Link header with "
                    + "rel=\"next\" gives the next page while there is one. Paging follows the queue's order, so chats "
                    + "that arrive or are claimed meanwhile shift nothing.")
    @APIResponse(responseCode = "200", description = "A page of the queue", headers = {
            @Header(name = TOTAL, description = "How many escalations match the filters in all",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
            @Header(name = OLDEST, description = "When the oldest matching escalation was handed over (absent when none)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")),
            @Header(name = "Link", description = "<URL of the next page>; rel=\"next\" (RFC 8288), absent on the last page",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048))})
    public Response queue(@QueryParam("status") @DefaultValue("WAITING") @NotNull EscalationStatus status,
                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
                          @QueryParam("after") @Size(max = 80) @Pattern(regexp = "[A-Za-z0-9_-]+",
                                  message = "must be the cursor of a next link") String after,
                          @QueryParam("language") @Pattern(regexp = "pl|en", message = "must be pl or en") String language,
                          @QueryParam("reason") @Size(min = 1, max = 100) String reason) {
        Views.QueuePage page = queue.queue(status, language, reason, cursor(after), limit);
        Response.ResponseBuilder answer = Response.ok(page.items()).header(TOTAL, page.total());
        if (page.oldest() != null) {
            answer.header(OLDEST, page.oldest().toString());
        }
        if (page.next() != null) {
            answer.link(uri.getRequestUriBuilder().replaceQueryParam("after", page.next()).build(), "next");
        }
        return answer.build();
    }

    private static QueueListing.Cursor cursor(String after) {
        if (after == null) {
            return null;
        }
        try {
            return QueueListing.Cursor.decode(after);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problems.VALIDATION, "Invalid value for: after (not the cursor of a next link;"
                    + " start again from the first page)").with("field", "after");
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "The escalation with its transcript, personal data masked",
            description = "For its assigned agent or an admin; 404 for anyone else. Masked values carry the token "
                    + "to reveal them with.")
    public Response view(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        return private_(desk.view(id));
    }

    @GET
    @Path("{id}/messages")
    @RolesAllowed("bot")
    @Operation(summary = "The agents' replies after a position, for a bot without a callback",
            description = "Only for the bot client that handed the escalation off.")
    @ProblemAnswer(status = 404, value = "not-found: no escalation of that id, or one another bot client handed off: the same "
            + "answer and body for both, so no bot learns that another's escalation exists")
    public Response replies(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id,
                            @QueryParam("after") @DefaultValue("0") @Min(0) int after) {
        return private_(desk.relay(id, after));
    }

    /** Answers that hold personal data are never stored by a cache. */
    static Response private_(Object entity) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        noStore.setPrivate(true);
        return Response.ok(entity).cacheControl(noStore).build();
    }
}
