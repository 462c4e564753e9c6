package org.consentry.escalation.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A message after the handoff: from the customer (sent by the bot) or to the customer (by the agent).
 * {@code from}: {@code customer} (the default) or {@code bot}, for a message the bot itself wrote into
 * the conversation, refused (409 human-holds-conversation) once a human agent holds it.
 */
public record MessageRequest(@NotBlank String text,
                             @Pattern(regexp = "customer|bot", message = "must be customer or bot") String from) {

    public boolean fromBot() {
        return "bot".equals(from);
    }
}
