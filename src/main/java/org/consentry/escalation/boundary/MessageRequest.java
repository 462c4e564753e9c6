package org.consentry.escalation.boundary;

import jakarta.validation.constraints.NotBlank;

/** A message after the handoff: from the customer (sent by the bot) or to the customer (by the agent). */
public record MessageRequest(@NotBlank String text) {
}
