package org.consentry.escalation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.PlatformLink;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.boundary.RateLimited;
import org.consentry.platform.boundary.RetryWhenBusy;
import org.consentry.platform.boundary.Success;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("escalations")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "escalations", description = "Bot-to-human handoff and the agents' work on it")
public class EscalationsResource {

    static final String ID = "[0-9a-f-]{36}";
    static final String TOTAL = "Consentry-Total";
    static final String OLDEST = "Consentry-Oldest-Waiting-Since";
    static final String ID_MESSAGE = "must be an escalation id";

    @Inject
    Handoffs handoffs;

    @Inject
    PlatformHandoffs platformHandoffs;

    @Inject
    AgentDesk desk;

    @Inject
    QueuePages queue;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bot")
    @RetryWhenBusy
    @RateLimited("handoff")
    @Operation(summary = "Hand a conversation to human agents",
            description = "Needs the subject's current consent to support-handoff (else 403 consent-required and "
                    + "nothing is stored): send the customer's consent as member consent ({noticeVersion, channel, "
                    + "evidence}) and it is recorded with the handoff, in one transaction. The calling bot becomes the "
                    + "conversation's owner: only it may record further consents of the subject. Customer fields are "
                    + "sealed, the transcript redacted and sealed. The same conversationId again answers 200 with the "
                    + "same escalation.")
    @ProblemAnswer(status = 409, value = "conversation-conflict: the conversationId is already a handoff of another subject")
    @ProblemAnswer(status = 413, value = "body-too-large: over consentry.http.max-body-bytes; too-many-messages: more transcript "
            + "messages than consentry.escalation.max-transcript-messages (field: transcript)")
    @Success(status = 201, value = "A new escalation; Location names it")
    @Success(status = 200, value = "The same conversationId again: the escalation it created, nothing stored twice")
    public Response handOff(@NotNull @Valid HandoffRequest request) {
        PlatformHandoffs.Handed handed = platformHandoffs.handOff(PlatformLink.API, request, null);
        return created(handed.escalation(), handed.created() ? Response.Status.CREATED : Response.Status.OK);
    }

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

    @POST
    @Path("{id}/claim")
    @RolesAllowed("agent")
    @Operation(summary = "Take a waiting escalation; exactly one agent wins, the others get 409")
    @ProblemAnswer(status = 409, value = "already-claimed: another agent holds it, or it no longer waits")
    public Views.Claimed claim(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        return desk.claim(id);
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

    @POST
    @Path("{id}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("agent")
    @RateLimited("reveal")
    @Operation(summary = "One value in clear, with a reason (audited, rate-limited)")
    public Response reveal(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id,
                           @NotNull @Valid RevealRequest request) {
        return private_(desk.reveal(id, request));
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"bot", "agent"})
    @Operation(summary = "A message: the bot forwards the customer's, the assigned agent writes to the customer",
            description = "To the bot the answer says who holds the conversation and whether it may answer itself. A "
                    + "message the bot wrote itself (from: bot) is refused with 409 human-holds-conversation once an agent "
                    + "holds the conversation. An agent's message goes to the bot's callback (signed, retried) or waits "
                    + "for the bot to collect it.")
    @ProblemAnswer(status = 409, value = "escalation-resolved: the bot answers again; human-holds-conversation: a message the bot "
            + "wrote itself while an agent holds the conversation; already-claimed: (agents) the "
            + "escalation is not held by the caller")
    @ProblemAnswer(status = 413, value = "body-too-large: over consentry.http.max-body-bytes; too-many-messages: the conversation "
            + "holds consentry.escalation.max-messages messages")
    @Success(status = 201, value = "The message, stored (a bot: who holds the conversation now)")
    public Response message(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id,
                            @NotNull @Valid MessageRequest request) {
        if (caller.isInRole("bot")) {
            Escalation escalation = handoffs.find(id);
            EscalationMessage message = request.fromBot() ? handoffs.botMessage(escalation, request.text())
                    : handoffs.customerMessage(escalation, request.text());
            Escalation now = handoffs.find(id);
            boolean held = now.status() == EscalationStatus.ASSIGNED;
            return Response.status(Response.Status.CREATED).entity(new Views.BotMessage(message.id(), message.seq(),
                    now.status().name(), held ? now.agent() : null, !held, now.humanJoinedAt())).build();
        }
        return Response.status(Response.Status.CREATED).entity(desk.reply(id, request.text())).build();
    }

    @GET
    @Path("{id}/messages")
    @RolesAllowed("bot")
    @Operation(summary = "The agents' replies after a position, for a bot without a callback")
    public Response replies(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id,
                            @QueryParam("after") @DefaultValue("0") @Min(0) int after) {
        return private_(desk.relay(id, after));
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed("agent")
    @Operation(summary = "End the agent's part: the bot answers again, the CRM sync may start")
    @ProblemAnswer(status = 409, value = "already-claimed: the escalation is not held by the caller")
    public Views.Claimed resolve(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        return desk.resolve(id);
    }

    private Response created(Escalation escalation, Response.Status status) {
        return Response.status(status).location(uri.getBaseUriBuilder().path("escalations/{id}").build(escalation.id()))
                .entity(new Views.Created(escalation.id(), escalation.status().name())).build();
    }

    /** Answers that hold personal data are never stored by a cache. */
    private static Response private_(Object entity) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        noStore.setPrivate(true);
        return Response.ok(entity).cacheControl(noStore).build();
    }
}
