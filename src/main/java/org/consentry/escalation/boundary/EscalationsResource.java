package org.consentry.escalation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.escalation.entity.PlatformLink;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.boundary.RateLimited;
import org.consentry.platform.boundary.RetryWhenBusy;
import org.consentry.platform.boundary.Success;
import org.consentry.platform.control.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The escalations' endpoints: here the side that changes them (a handoff, a claim, a reveal, a message,
 * a resolution), the read side inherited from {@link EscalationReads}.
 */
@Path("escalations")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "escalations", description = "Bot-to-human handoff and the agents' work on it")
public class EscalationsResource extends EscalationReads {

    @Inject
    Handoffs handoffs;

    @Inject
    PlatformHandoffs platformHandoffs;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bot")
    @RetryWhenBusy
    @RateLimited("handoff")
    @Operation(summary = "Hand a conversation to human agents",
            description = "Needs the subject's current consent to support-handoff (else 403 consent-required and "
                    + "nothing is stored): send the customer's consent as member consent ({noticeVersion, channel, "
                    + "evidence}) and it is recorded with the handoff, in one transaction. The calling bot becomes the "
                    + "conversation's owner (its client: the Basic user, or the client a bearer token names in "
                    + "consentry.jwt.client-claim): only it may record further consents of the subject, send the "
                    + "customer's messages and collect the agents' replies; every other bot gets 404. Customer fields are "
                    + "sealed, the transcript redacted and sealed. The same conversationId again from the same bot client "
                    + "answers 200 with the same escalation.")
    @ProblemAnswer(status = 409, value = "conversation-conflict: the conversationId is already a handoff of another subject, "
            + "or another bot client's conversation (nothing of that one is told)")
    @ProblemAnswer(status = 413, value = "body-too-large: over consentry.http.max-body-bytes; too-many-messages: more transcript "
            + "messages than consentry.escalation.max-transcript-messages (field: transcript)")
    @Success(status = 201, value = "A new escalation; Location names it")
    @Success(status = 200, value = "The same conversationId again: the escalation it created, nothing stored twice")
    public Response handOff(@NotNull @Valid HandoffRequest request) {
        PlatformHandoffs.Handed handed = platformHandoffs.handOff(PlatformLink.API, request, null);
        return created(handed.escalation(), handed.created() ? Response.Status.CREATED : Response.Status.OK);
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed("agent")
    @Operation(summary = "Take a waiting escalation; exactly one agent wins, the others get 409")
    @ProblemAnswer(status = 409, value = "already-claimed: another agent holds it, or it no longer waits")
    public Views.Claimed claim(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        return desk.claim(id);
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
    @ProblemAnswer(status = 404, value = "not-found: no escalation of that id, or (a bot) one another bot client handed off, "
            + "or (an agent) one the caller does not hold: the same answer and body for each, so nobody learns it exists")
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


}
