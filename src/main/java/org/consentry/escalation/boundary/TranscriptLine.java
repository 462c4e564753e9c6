package org.consentry.escalation.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** One line of the conversation so far. Its length is bounded by consentry.escalation.max-message-chars. */
public record TranscriptLine(@NotNull From from, @NotBlank String text, @NotNull Instant at) {
}
