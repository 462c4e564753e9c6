package org.consentry.escalation.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an agent wants to see in clear, and why: {@code customer.name}, {@code customer.email},
 * {@code customer.phone}, or the token of a masked value in the transcript ({@code pii_...}).
 */
public record RevealRequest(
        @NotBlank @Pattern(regexp = "customer\\.(name|email|phone)|pii_[A-Za-z0-9_-]{20}",
                message = "must be customer.name, customer.email, customer.phone or a pii_ token of the transcript") String field,
        @NotBlank @Size(min = 10, max = 500) String reason) {
}
