package org.consentry.escalation.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.consentry.consent.boundary.ConsentGrantRequest;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.platform.boundary.SubjectId;

/**
 * The bot hands a conversation to humans. The conversation id makes a retry return the same escalation.
 * {@code aiDisclosureShown}: whether the bot told the customer at the first interaction that they were
 * talking to an AI (AI Act Art. 50(1)); left out, nothing is recorded and the disclosure report lists the
 * conversation. {@code consent}: the customer's consent to support-handoff, recorded with the handoff in
 * one transaction (how a bot records a subject's first consent); left out, a current consent must exist.
 */
public record HandoffRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._:@-]+", message = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ -")
        String conversationId,
        @SubjectId String subjectId,
        @NotNull @Pattern(regexp = "pl|en", message = "must be pl or en") String language,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull @Valid CustomerFields customer,
        @NotEmpty List<@NotNull @Valid TranscriptLine> transcript,
        @Size(max = 2048) String callbackUrl,
        Boolean aiDisclosureShown,
        @Valid ConsentGrantRequest consent) implements DataSubject {
}
