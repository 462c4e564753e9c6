package org.consentry.escalation.adapter.botframework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.consentry.escalation.adapter.ConsentryMetadata;
import org.consentry.escalation.boundary.HandoffRequest;

/**
 * The generic API's rules for a handoff (HandoffRequest's constraints), applied to the one an activity
 * maps to; a violation is a 400 naming the member of the activity it came from.
 */
@ApplicationScoped
public class HandoffValidation {

    @Inject
    Validator validator;

    public HandoffRequest checked(HandoffRequest request) {
        ConsentryMetadata.validate(validator, request, HandoffValidation::activityField);
        return request;
    }

    /** The activity's member a property of the handoff came from. */
    static String activityField(String property) {
        String head = property.contains(".") ? property.substring(0, property.indexOf('.')) : property;
        return switch (head) {
            case "conversationId" -> "conversation.id";
            case "subjectId" -> "channelData.consentry.subjectId";
            case "reason" -> "channelData.consentry.reason";
            case "customer", "consent" -> "channelData.consentry." + property;
            default -> head.startsWith("transcript") ? "attachments" : property;
        };
    }
}
