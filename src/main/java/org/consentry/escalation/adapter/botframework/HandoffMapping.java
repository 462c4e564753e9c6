package org.consentry.escalation.adapter.botframework;

import static org.consentry.escalation.adapter.botframework.JsonFields.invalid;
import static org.consentry.escalation.adapter.botframework.JsonFields.object;
import static org.consentry.escalation.adapter.botframework.JsonFields.text;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.consentry.escalation.adapter.ConsentryMetadata;
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

    static final String CONSENTRY = "channelData.consentry";

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
                org.consentry.escalation.adapter.JsonFields.bool(consentry, "aiDisclosureShown", CONSENTRY + ".aiDisclosureShown"),
                ConsentryMetadata.consent(consentry, CONSENTRY));
        return new Mapped(request, route);
    }

    /** Consentry's own members: channelData.consentry, else value.consentry (the handoff context). */
    static JsonObject consentry(Activity event) {
        JsonObject fromChannelData = object(event.channelData(), "consentry", "channelData.consentry", false);
        return fromChannelData != null ? fromChannelData : object(event.value(), "consentry", "value.consentry", false);
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
        if (object(consentry, "customer", CONSENTRY + ".customer", false) != null) {
            return ConsentryMetadata.customer(consentry, CONSENTRY);
        }
        return new CustomerFields(text(refUser, "name", "relatesTo.user.name", 200, false), null, null);
    }
}
