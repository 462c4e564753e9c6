package org.consentry.crmsync.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.consentry.consent.boundary.ConsentGrantRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lead the bot captured: the contact fields the customer gave, each optional, and the customer's
 * consent to crm-sync when the bot records it with the lead (one transaction; how a bot records the
 * first consent of a subject it has not handed off).
 */
public record LeadRequest(
        @Size(max = 200) String name,
        @Size(max = 254) @Email @Schema(format = "email") String email,
        @Size(max = 32) @Pattern(regexp = "\\+?[0-9][0-9 ().\\-]{2,31}", message = "must be a phone number") String phone,
        @Valid ConsentGrantRequest consent) {
}
