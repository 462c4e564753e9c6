package org.consentry.escalation.adapter.botframework;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import org.consentry.escalation.boundary.PlatformHandoffs;
import org.consentry.platform.boundary.RateLimited;
import org.consentry.platform.boundary.PlatformAuthenticated;
import org.consentry.platform.boundary.Success;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * Where a Bot Framework channel (or the bot, in the bot-as-proxy model) posts activities: a
 * handoff.initiate event hands the conversation over, later message activities of the conversation
 * are relayed (the user's as the customer's, the bot's refused while a human holds it). The channel's
 * JWT is verified before the body is read; an activity for another service URL than the token's, or
 * one not allowed, is refused; nothing is stored for a refused request.
 */
@RequestScoped
@Path("platforms/botframework")
@PlatformAuthenticated("Bot Framework: the channel's JWT (RS256, keys of consentry.platforms.botframework.jwks-url,"
        + " the bot's app id as audience, a serviceUrl claim equal to the activity's)")
public class BotFrameworkResource {

    public static final String PLATFORM = "botframework";

    @Inject
    ChannelTokens tokens;

    @Inject
    BotFrameworkSettings settings;

    @Inject
    PlatformHandoffs handoffs;

    @Inject
    Caller caller;

    @Inject
    HandoffValidation validation;

    @POST
    @Path("activities")
    @Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited("handoff")
    @Success(status = 201, value = "handoff.initiate: a new escalation")
    @Success(status = 200, value = "handoff.initiate again: its escalation; a message: relayed, with the agents' replies so far")
    @Success(status = 202, value = "Any other activity: accepted and ignored, as the protocol asks")
    public Response activity(@HeaderParam("Authorization") String authorization, InputStream body) {
        ChannelTokens.ChannelToken token = tokens.verify(authorization); // before the body is read
        Activity activity = ActivityReader.inbound(org.consentry.escalation.adapter.JsonFields.readObject(body));
        ChannelTokens.requireSameServiceUrl(token, activity.serviceUrl());
        String refusal = settings.serviceUrls().refusal(activity.serviceUrl());
        if (refusal != null) {
            throw new ProblemException(Problems.VALIDATION, "serviceUrl " + refusal + ".").with("field", "serviceUrl");
        }
        return caller.actingAs(PLATFORM + ":" + settings.appId().orElseThrow(), "bot", () -> dispatch(activity));
    }

    private Response dispatch(Activity activity) {
        if (activity.isEvent("handoff.initiate")) {
            HandoffMapping.Mapped mapped = HandoffMapping.map(activity, Instant.now());
            PlatformHandoffs.Handed handed = handoffs.handOff(PLATFORM, validation.checked(mapped.request()),
                    mapped.route().json());
            return Response.status(handed.created() ? Response.Status.CREATED : Response.Status.OK)
                    .entity(Replies.handedOff(handed.escalation().id(), handed.escalation().status().name())).build();
        }
        if (activity.isMessage()) {
            return Response.ok(Replies.relayed(relay(activity))).build();
        }
        // typing, conversationUpdate, handoff.status echoes...: the protocol says not to reject them
        return Response.accepted().build();
    }

    private String relay(Activity message) {
        if (message.text() == null || message.text().isBlank()) {
            throw JsonFields.invalid("text", "is required for a message activity");
        }
        String conversationId = PlatformIds.of(message.conversationId());
        String role = message.role() != null ? message.role() : roleByRoute(conversationId, message.fromId());
        return "bot".equals(role)
                ? handoffs.botMessage(PLATFORM, conversationId, message.text()).id()
                : handoffs.customerMessage(PLATFORM, conversationId, message.text()).id();
    }

    /** Without a role, the user is who the conversation was handed over for; anyone else is the bot's side. */
    private String roleByRoute(String conversationId, String fromId) {
        return handoffs.byConversation(PLATFORM, conversationId).map(e -> Route.parse(e.link().route()))
                .map(route -> route.userId().equals(fromId) ? "user" : "bot").orElse("user");
    }
}
