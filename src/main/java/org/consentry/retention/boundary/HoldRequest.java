package org.consentry.retention.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the subject's data must be kept (a dispute, a claim, an authority's request). */
public record HoldRequest(@NotBlank @Size(min = 10, max = 300) String reason) {
}
