package org.consentry.escalation.adapter.rasa;

import jakarta.validation.constraints.Size;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import org.consentry.escalation.adapter.JsonFields;
import org.consentry.escalation.adapter.SharedSecrets;
import org.consentry.platform.boundary.RateLimited;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.consentry.platform.boundary.PlatformAuthenticated;
import org.consentry.platform.boundary.Success;

/**
 * Rasa's side: a custom action posts the tracker state to {@code handoff} (201 when the escalation is new,
 * 200 for a retry of the same sender), the integration posts later utterances to {@code messages}. Both
 * carry Rasa's token convention, {@code ?token=} (consentry.platforms.rasa.token), checked before the
 * body is read: without it 401 and nothing stored.
 */
@PlatformAuthenticated("Rasa: the action server's token (?token=), compared in constant time")
@Path("platforms/rasa")
@RequestScoped
@Tag(name = "platforms", description = "Bot platforms' own handoff calls")
public class RasaResource {

    @Inject
    @ConfigProperty(name = "consentry.platforms.rasa.token")
    Optional<String> token;

    @Inject
    RasaTurns turns;

    @POST
    @Path("handoff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited("handoff")
    @Operation(summary = "Rasa custom action: hand the conversation (its tracker state) to human agents")
    @Success(status = 201, value = "A new escalation")
    @Success(status = 200, value = "The same sender again: its escalation")
    public Response handoff(@QueryParam("token") @Size(max = 256) String sent, InputStream body) {
        verify(sent);
        JsonObject answer = turns.handOff(TrackerCall.parse(JsonFields.readObject(body)));
        return Response.status(answer.getBoolean("created") ? 201 : 200).entity(answer).build();
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rasa: the customer's (user) or the bot's (bot) utterances after the handoff")
    public JsonObject messages(@QueryParam("token") @Size(max = 256) String sent, InputStream body) {
        verify(sent);
        return turns.messages(TrackerCall.parse(JsonFields.readObject(body)));
    }

    private void verify(String sent) {
        if (!SharedSecrets.matches(token, sent)) {
            throw new ProblemException(Problems.UNAUTHENTICATED, "The call does not carry the token configured for Rasa.");
        }
    }
}
