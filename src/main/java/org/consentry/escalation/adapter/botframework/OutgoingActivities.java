package org.consentry.escalation.adapter.botframework;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import org.consentry.escalation.control.AgentReply;
import org.consentry.escalation.control.HandoffStatus;

/**
 * The activities Consentry sends to a conversation (Activity schema): the agent's reply as a message
 * activity, its id the reply's stable message id (a repeated attempt names the same activity), and the
 * handoff's status as the handoff protocol's "handoff.status" event. From the bot, to the user, in the
 * conversation of the route; no agent name and nothing but the agent's text.
 */
final class OutgoingActivities {

    private OutgoingActivities() {
    }

    static JsonObject message(Route route, AgentReply reply) {
        return base(route, "message", reply.messageId(), reply.at())
                .add("text", reply.text()).add("textFormat", "plain")
                .add("channelData", JSON.createObjectBuilder().add("consentry",
                        JSON.createObjectBuilder().add("messageId", reply.messageId()).add("seq", reply.seq()).add("sender", "agent")))
                .build();
    }

    static JsonObject status(Route route, String escalationId, HandoffStatus status) {
        String state = switch (status) {
            case ACCEPTED -> "accepted";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
        String message = switch (status) {
            case ACCEPTED -> "A human agent has taken over the conversation.";
            case COMPLETED -> "The human agent has finished the conversation.";
            case FAILED -> "The handoff to a human agent failed.";
        };
        return base(route, "event", escalationId + "." + state, Instant.now()).add("name", "handoff.status")
                .add("value", JSON.createObjectBuilder().add("state", state).add("message", message)).build();
    }

    private static JsonObjectBuilder base(Route route, String type, String id, Instant at) {
        JsonObjectBuilder activity = JSON.createObjectBuilder().add("type", type).add("id", id)
                .add("timestamp", at.toString()).add("serviceUrl", route.serviceUrl())
                .add("conversation", JSON.createObjectBuilder().add("id", route.conversationId()))
                .add("recipient", JSON.createObjectBuilder().add("id", route.userId()).add("role", "user"));
        if (route.botId() != null) {
            activity.add("from", JSON.createObjectBuilder().add("id", route.botId()).add("role", "bot"));
        }
        if (route.channelId() != null) {
            activity.add("channelId", route.channelId());
        }
        if (route.locale() != null) {
            activity.add("locale", route.locale());
        }
        return activity;
    }
}
