package org.consentry.escalation.desk.chatwoot;

import jakarta.validation.constraints.Size;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.consentry.platform.boundary.PlatformAuthenticated;

/**
 * Chatwoot's webhook, POST /api/v1/platforms/chatwoot/webhook/{token}: an agent's public reply
 * (message_created, outgoing, not private, from a user) goes back to the bot; a conversation resolved
 * (conversation_status_changed to resolved) resolves the escalation; everything else is acknowledged and
 * ignored, so that Chatwoot's own messages and Consentry's (marked) never come back as replies. Open at the
 * container level: the token (and signature) are checked here, a 401 stores nothing. The work runs as the
 * Chatwoot agent ("chatwoot:&lt;agent id&gt;", role agent), so that the audit names who did it.
 */
@PlatformAuthenticated("Chatwoot: the webhook token in the path, and X-Chatwoot-Signature where configured")
@Path("platforms/chatwoot")
@RequestScoped
public class ChatwootWebhookResource {

    static final int MAX_BODY = 65_536;

    @Inject
    DeskSettings settings;

    @Inject
    WebhookAuthentication authentication;

    @Inject
    DeskReplies replies;

    @Inject
    Caller caller;

    @POST
    @Path("webhook/{token}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> receive(@PathParam("token") @Size(max = 256) String token,
                                       @HeaderParam("X-Chatwoot-Timestamp") @Size(max = 20) String timestamp,
                                       @HeaderParam("X-Chatwoot-Signature") @Size(max = 128) String signature, byte[] body) {
        if (!settings.chatwoot()) { // no token can be right where there is no desk: as any wrong token, 401
            throw new ProblemException(Problems.UNAUTHENTICATED, "The webhook token is not valid.");
        }
        authentication.verify(token, timestamp, signature, body == null ? new byte[0] : body);
        if (body == null || body.length > MAX_BODY) {
            throw new ProblemException(Problems.BODY_TOO_LARGE, "A Chatwoot event is at most " + MAX_BODY + " bytes");
        }
        DeskEvent event = DeskEvent.parse(body);
        DeskReplies.Outcome outcome;
        if (event.agentReply()) {
            outcome = caller.actingAs(settings.agentFor(event.senderId()), "agent", () -> replyOnce(event));
        } else if (event.resolved()) {
            outcome = caller.actingAs(DeskReplies.AGENT_PREFIX + "desk", "agent", () -> replies.resolve(event));
        } else {
            outcome = DeskReplies.Outcome.IGNORED;
        }
        return Map.of("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Two deliveries of one message at once: the second fails on the applied message's key and is a duplicate. */
    private DeskReplies.Outcome replyOnce(DeskEvent event) {
        try {
            return replies.reply(event);
        } catch (PersistenceException | TransactionalException | IllegalStateException failure) {
            if (replies.applied(event.messageId())) {
                return DeskReplies.Outcome.DUPLICATE;
            }
            throw failure;
        }
    }
}
