package org.consentry.retention.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.consentry.retention.entity.RetentionAction;

/** A category's new retention: an ISO-8601 period of whole days, weeks, months or years, and an action. */
public record PolicyRequest(
        @NotBlank @Pattern(regexp = "P(?!$)(\\d{1,4}Y)?(\\d{1,4}M)?(\\d{1,5}W)?(\\d{1,5}D)?",
                message = "must be an ISO-8601 period such as P90D, P6M or P2Y") String period,
        @NotNull RetentionAction action) {
}
