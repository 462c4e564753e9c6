package org.consentry.escalation.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the bot knows of the customer; each optional, each sealed under the subject's key. */
public record CustomerFields(
        @Size(max = 200) String name,
        @Size(max = 254) @Email @Schema(format = "email") String email,
        @Size(max = 32) @Pattern(regexp = "\\+?[0-9][0-9 ().\\-]{2,31}", message = "must be a phone number") String phone) {
}
