package org.consentry.consent.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.consentry.redaction.boundary.NoPersonalData;

/**
 * What the bot (or an admin) knows of a consent: the notice version shown, the channel it was given
 * on, and the evidence that lets the controller demonstrate it (Art. 7(1)), such as the id of the
 * message where the customer agreed. Evidence is a reference, not a copy of the conversation: it is
 * stored in clear, so text with personal data in it is refused.
 */
public record ConsentGrantRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be letters, digits and . _ : -")
        String noticeVersion,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be letters, digits and . _ : -")
        String channel,
        @NotBlank @Size(max = 2000) @NoPersonalData
        String evidence) {
}
