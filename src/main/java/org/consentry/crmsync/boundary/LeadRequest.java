package org.consentry.crmsync.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A lead the bot captured: the contact fields the customer gave, each optional. */
public record LeadRequest(
        @Size(max = 200) String name,
        @Size(max = 254) @Email String email,
        @Size(max = 32) @Pattern(regexp = "\\+?[0-9][0-9 ().\\-]{2,31}", message = "must be a phone number") String phone) {
}
