package org.consentry.escalation.adapter.dialogflow;

import jakarta.validation.constraints.Size;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

/**
 * The Dialogflow CX webhook (configure it in the agent with the custom header
 * {@value #SECRET_HEADER}: consentry.platforms.dialogflow-cx.secret). The secret is checked before the body
 * is read: a call without it gets 401 and nothing is stored. The body is a WebhookRequest, the answer a
 * WebhookResponse ({@link WebhookAnswer}); errors are problems, which Dialogflow treats as a failed webhook.
 */
@PlatformAuthenticated("Dialogflow CX: the webhook's X-Consentry-Secret header, compared in constant time")
@Path("platforms/dialogflow-cx")
@RequestScoped
@Tag(name = "platforms", description = "Bot platforms' own handoff calls")
public class DialogflowCxResource {

    static final String SECRET_HEADER = "X-Consentry-Secret";

    @Inject
    @ConfigProperty(name = "consentry.platforms.dialogflow-cx.secret")
    Optional<String> secret;

    @Inject
    WebhookTurns turns;

    @POST
    @Path("webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited("handoff")
    @Operation(summary = "Dialogflow CX webhook: live-agent handoff and the turns after it")
    public JsonObject webhook(@HeaderParam(SECRET_HEADER) @Size(max = 256) String sent, InputStream body) {
        if (!SharedSecrets.matches(secret, sent)) {
            throw new ProblemException(Problems.UNAUTHENTICATED,
                    "The webhook call does not carry the shared secret configured for Dialogflow CX.");
        }
        return turns.answer(WebhookCall.parse(JsonFields.readObject(body)));
    }
}
