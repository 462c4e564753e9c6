package org.consentry.compliance.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.consentry.compliance.entity.Compromise;
import org.consentry.platform.boundary.SubjectId;

/**
 * A breach to assess: the window in which the attacker had access, when the controller became aware of
 * it (default: now; the 72 hours of Art. 33(1) run from then), and what was compromised. The answer
 * lists up to {@code limit} subjects (default 1000), or only those of {@code subjectIds} (a DPO asked
 * about named customers); its counts are always of all.
 */
public record BreachAssessmentRequest(
        @NotNull Instant from,
        @NotNull Instant to,
        Instant discoveredAt,
        @NotEmpty @Size(max = 8) List<@NotNull @Valid Item> compromised,
        @Min(0) @Max(10_000) Integer limit,
        @Size(max = 100) List<@NotNull @Pattern(regexp = SubjectId.PATTERN, message = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ -") String> subjectIds) {

    /** One thing compromised; {@code version} for a KEK version, {@code server} optionally names the server. */
    public record Item(@NotNull Compromise.Kind kind,
                       @Min(1) @Max(1_000_000) Integer version,
                       @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "must be a server name") String server) {
    }
}
