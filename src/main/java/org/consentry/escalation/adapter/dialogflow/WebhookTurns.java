package org.consentry.escalation.adapter.dialogflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Validator;
import java.time.Clock;
import org.consentry.escalation.adapter.ConsentryMetadata;
import org.consentry.escalation.boundary.HandoffRequest;
import org.consentry.escalation.boundary.Handoffs;
import org.consentry.escalation.boundary.PlatformHandoffs;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What one webhook call means, by its fulfillment tag: the handoff tag (or a liveAgentHandoff message)
 * hands the session off; the bot-message tag records the bot's queued text (refused with 409 while a
 * human holds the conversation); any other tag on a handed-off session is the customer's next turn,
 * forwarded to the agent. A session Consentry does not know, under a tag other than the handoff's, is
 * a 404. Each runs as the Dialogflow agent ({@code dialogflow-cx:<agent id>}, role bot).
 */
@ApplicationScoped
public class WebhookTurns {

    static final String PLATFORM = "dialogflow-cx";

    @Inject
    PlatformHandoffs handoffs;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "consentry.platforms.dialogflow-cx.handoff-tag", defaultValue = "consentry-handoff")
    String handoffTag;

    @Inject
    @ConfigProperty(name = "consentry.platforms.dialogflow-cx.bot-message-tag", defaultValue = "consentry-bot-message")
    String botMessageTag;

    JsonObject answer(WebhookCall call) {
        return caller.actingAs(PLATFORM + ":" + call.session().agent(), "bot", () -> turn(call));
    }

    private JsonObject turn(WebhookCall call) {
        String conversationId = call.session().conversationId();
        if (handoffTag.equals(call.tag()) || call.handoff()) {
            HandoffRequest request = HandoffMapping.of(call, clock.instant());
            ConsentryMetadata.validate(validator, request, p -> field(p, call.consentryPath()));
            Escalation escalation = handoffs.handOff(PLATFORM, request, call.session().toJson()).escalation();
            if (escalation.status() == EscalationStatus.RESOLVED) {
                throw resolvedBefore();
            }
            return WebhookAnswer.handedOff(escalation, call.language());
        }
        Escalation escalation = handoffs.byConversation(PLATFORM, conversationId).orElseThrow(() -> new ProblemException(
                Problems.NOT_FOUND, "No escalation for this Dialogflow CX session.").with("field", "sessionInfo.session"));
        if (escalation.status() == EscalationStatus.RESOLVED) {
            return WebhookAnswer.released();
        }
        if (botMessageTag.equals(call.tag())) {
            for (String text : call.botTexts()) {
                handoffs.botMessage(PLATFORM, conversationId, text);
            }
        } else if (call.customerText() != null) {
            try {
                handoffs.customerMessage(PLATFORM, conversationId, call.customerText());
            } catch (ProblemException e) {
                if (e.type().equals(Handoffs.RESOLVED)) {
                    return WebhookAnswer.released();
                }
                throw e;
            }
        }
        return WebhookAnswer.held(handoffs.byConversation(PLATFORM, conversationId).orElse(escalation));
    }

    /** One escalation per session: a session handed off and resolved is not handed off again (a new session is). */
    static ProblemException resolvedBefore() {
        return new ProblemException(Handoffs.RESOLVED, "This session's escalation is resolved: a new handoff needs a new session.")
                .with("field", "sessionInfo.session");
    }

    /** Where a property of the handoff came from in the webhook call. */
    private static String field(String property, String consentryPath) {
        if (property.startsWith("transcript")) {
            return "text";
        }
        if (property.startsWith("conversationId")) {
            return "sessionInfo.session";
        }
        if (property.startsWith("language")) {
            return "languageCode";
        }
        return consentryPath + "." + property;
    }
}
