package org.consentry.escalation.adapter.botframework;

import static org.consentry.escalation.adapter.botframework.JsonFields.invalid;
import static org.consentry.escalation.adapter.botframework.JsonFields.object;
import static org.consentry.escalation.adapter.botframework.JsonFields.text;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.consentry.consent.boundary.ConsentGrantRequest;
import org.consentry.escalation.boundary.CustomerFields;
import org.consentry.escalation.boundary.HandoffRequest;
import org.consentry.escalation.boundary.TranscriptLine;

/**
 * A handoff.initiate event as Consentry's handoff: the conversation and user from the event (its
 * relatesTo conversation reference, as the SDKs' EventFactory sets it), the transcript from its
 * transcript attachment, and what the bot adds under "consentry" in channelData (or in the handoff
 * context, value): subjectId, consent, aiDisclosureShown, customer, reason.
 */
public final class HandoffMapping {

    /** The request for the core and the route kept with the escalation. */
    public record Mapped(HandoffRequest request, Route route) {
    }

    private HandoffMapping() {
    }

    public static Mapped map(Activity event, Instant now) {
        JsonObject reference = event.relatesTo();
        JsonObject refUser = object(reference, "user", "relatesTo.user", false);
        JsonObject refBot = object(reference, "bot", "relatesTo.bot", false);
        String userId = refUser != null ? text(refUser, "id", "relatesTo.user.id", ActivityReader.MAX_ID, true)
                : "bot".equals(event.role()) ? null : event.fromId();
        if (userId == null || userId.isBlank()) {
            throw invalid("relatesTo.user.id", "is required (the user whose conversation is handed off)");
        }
        String botId = refBot != null ? text(refBot, "id", "relatesTo.bot.id", ActivityReader.MAX_ID, true)
                : "bot".equals(event.role()) ? event.fromId() : event.recipientId();
        JsonObject consentry = consentry(event);
        List<TranscriptLine> lines = TranscriptAttachment.lines(event, userId, botId, event.timestamp() == null ? now : event.timestamp());
        String locale = event.locale() != null ? event.locale() : TranscriptAttachment.firstLocale(event);
        Route route = new Route(event.serviceUrl(), event.channelId(), event.conversationId(), botId, userId, locale);
        if (route.json().length() > Route.MAX_CHARS) {
            throw invalid("conversation.id", "and the ids of the user and the bot are too long together");
        }
        String subjectId = text(consentry, "subjectId", "channelData.consentry.subjectId", 128, false);
        HandoffRequest request = new HandoffRequest(PlatformIds.of(event.conversationId()),
                subjectId != null ? subjectId : PlatformIds.of(userId),
                locale != null && locale.toLowerCase(Locale.ROOT).startsWith("pl") ? "pl" : "en",
                reason(event, consentry), customer(consentry, refUser), lines, null,
                aiDisclosure(consentry),
                consent(consentry));
        return new Mapped(request, route);
    }

    /** Consentry's own members: channelData.consentry, else value.consentry (the handoff context). */
    static JsonObject consentry(Activity event) {
        JsonObject fromChannelData = object(event.channelData(), "consentry", "channelData.consentry", false);
        return fromChannelData != null ? fromChannelData : object(event.value(), "consentry", "value.consentry", false);
    }

    /** channelData.consentry.aiDisclosureShown when it is a boolean; absent, nothing is recorded. */
    private static Boolean aiDisclosure(JsonObject consentry) {
        JsonValue shown = consentry == null ? null : consentry.get("aiDisclosureShown");
        if (shown == null || shown == JsonValue.NULL) {
            return null;
        }
        if (shown != JsonValue.TRUE && shown != JsonValue.FALSE) {
            throw invalid("channelData.consentry.aiDisclosureShown", "must be true or false");
        }
        return shown == JsonValue.TRUE;
    }

    private static String reason(Activity event, JsonObject consentry) {
        String given = text(consentry, "reason", "channelData.consentry.reason", 1000, false);
        if (given != null && !given.isBlank()) {
            return given;
        }
        String skill = event.value() == null ? null : text(event.value(), "skill", "value.skill", 200, false);
        return skill == null || skill.isBlank() ? "Bot Framework handoff" : "Bot Framework handoff, skill: " + skill;
    }

    private static CustomerFields customer(JsonObject consentry, JsonObject refUser) {
        JsonObject given = object(consentry, "customer", "channelData.consentry.customer", false);
        if (given != null) {
            String path = "channelData.consentry.customer.";
            return new CustomerFields(text(given, "name", path + "name", 200, false), text(given, "email", path + "email", 254, false),
                    text(given, "phone", path + "phone", 32, false));
        }
        return new CustomerFields(text(refUser, "name", "relatesTo.user.name", 200, false), null, null);
    }

    private static ConsentGrantRequest consent(JsonObject consentry) {
        JsonObject consent = object(consentry, "consent", "channelData.consentry.consent", false);
        if (consent == null) {
            return null;
        }
        String path = "channelData.consentry.consent.";
        return new ConsentGrantRequest(text(consent, "noticeVersion", path + "noticeVersion", 64, true),
                text(consent, "channel", path + "channel", 64, true), text(consent, "evidence", path + "evidence", 2000, true));
    }
}
