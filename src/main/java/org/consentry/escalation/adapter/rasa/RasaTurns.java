package org.consentry.escalation.adapter.rasa;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Validator;
import org.consentry.escalation.adapter.ConsentryMetadata;
import org.consentry.escalation.boundary.From;
import org.consentry.escalation.boundary.HandoffRequest;
import org.consentry.escalation.boundary.Handoffs;
import org.consentry.escalation.boundary.PlatformHandoffs;
import org.consentry.escalation.boundary.TranscriptLine;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A Rasa conversation's handoff (idempotent per sender id) and its later utterances: a user event is the
 * customer's message to the agent, a bot event the bot's own (refused with 409 while a human holds the
 * conversation). Each runs as {@code rasa:<consentry.platforms.rasa.client>} in the role bot.
 */
@ApplicationScoped
public class RasaTurns {

    static final String PLATFORM = "rasa";

    @Inject
    PlatformHandoffs handoffs;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @Inject
    @ConfigProperty(name = "consentry.platforms.rasa.language", defaultValue = "en")
    String language;

    @Inject
    @ConfigProperty(name = "consentry.platforms.rasa.client", defaultValue = "action-server")
    String client;

    JsonObject handOff(TrackerCall call) {
        HandoffRequest request = RasaHandoffMapping.of(call, language);
        ConsentryMetadata.validate(validator, request, RasaTurns::field);
        return caller.actingAs(PLATFORM + ":" + client, "bot", () -> {
            PlatformHandoffs.Handed handed = handoffs.handOff(PLATFORM, request, call.sender().toJson());
            if (handed.escalation().status() == EscalationStatus.RESOLVED) {
                // one escalation per conversation id: a sender handed off and resolved is not handed off again
                throw new ProblemException(Handoffs.RESOLVED, "This sender's escalation is resolved.").with("field", "sender_id");
            }
            return answer(handed.escalation(), handed.created());
        });
    }

    JsonObject messages(TrackerCall call) {
        String conversationId = call.sender().conversationId();
        return caller.actingAs(PLATFORM + ":" + client, "bot", () -> {
            Escalation escalation = handoffs.byConversation(PLATFORM, conversationId).orElseThrow(() -> new ProblemException(
                    Problems.NOT_FOUND, "No escalation for this Rasa sender.").with("field", "sender_id"));
            for (TranscriptLine line : call.lines()) {
                if (line.from() == From.CUSTOMER) {
                    handoffs.customerMessage(PLATFORM, conversationId, line.text());
                } else {
                    handoffs.botMessage(PLATFORM, conversationId, line.text());
                }
            }
            return answer(handoffs.byConversation(PLATFORM, conversationId).orElse(escalation), false);
        });
    }

    private static JsonObject answer(Escalation escalation, boolean created) {
        return JSON.createObjectBuilder()
                .add("escalationId", escalation.id())
                .add("status", escalation.status().name())
                .add("humanJoined", escalation.status() == EscalationStatus.ASSIGNED)
                .add("created", created)
                .build();
    }

    /** Where a property of the handoff came from in the tracker. */
    private static String field(String property) {
        if (property.startsWith("transcript")) {
            return "events";
        }
        if (property.startsWith("conversationId")) {
            return "sender_id";
        }
        return TrackerCall.CONSENTRY_PATH + "." + property;
    }
}
