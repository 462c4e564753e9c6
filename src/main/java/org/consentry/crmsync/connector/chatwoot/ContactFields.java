package org.consentry.crmsync.connector.chatwoot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A contact's members as Chatwoot takes them: a clear name, e-mail and E.164 phone in its own fields,
 * tokens (tok_...) among the additional attributes (consentry_tokens), a field the policy dropped not
 * at all. A clear phone that is no valid number is left out, and so is a value Chatwoot refused (taken by
 * another contact, or not valid in its eyes) ({@link #without}).
 */
record ContactFields(Optional<String> name, Optional<String> email, Optional<String> phone, Map<String, String> tokens,
                     Set<String> leftOut) {

    static final String TOKENS = "consentry_tokens";

    static ContactFields of(Map<String, String> contact, String region) {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        Set<String> leftOut = new LinkedHashSet<>();
        contact.forEach((field, value) -> {
            if (value.startsWith("tok_")) {
                tokens.put(field, value);
            }
        });
        Optional<String> phone = clear(contact.get("phone"));
        Optional<String> e164 = phone.flatMap(p -> ChatwootPhone.e164(p, region));
        if (phone.isPresent() && e164.isEmpty()) {
            leftOut.add("phone_number (not a valid number)");
        }
        return new ContactFields(clear(contact.get("name")), clear(contact.get("email")), e164, Map.copyOf(tokens), leftOut);
    }

    private static Optional<String> clear(String value) {
        return Optional.ofNullable(value).filter(v -> !v.startsWith("tok_") && !v.isBlank());
    }

    /** The same without the members Chatwoot refused as taken by another contact (email, phone_number). */
    ContactFields without(Set<String> taken) {
        Set<String> more = new LinkedHashSet<>(leftOut);
        taken.forEach(t -> more.add(t + " (refused by Chatwoot: taken by another contact or invalid)"));
        return new ContactFields(name, taken.contains("email") ? Optional.empty() : email,
                taken.contains("phone_number") ? Optional.empty() : phone, tokens, more);
    }

    /** The body of a create or update; {@code identifier} set when the contact is to carry it. */
    JsonObjectBuilder body(Optional<String> identifier) {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        name.ifPresent(v -> body.add("name", v));
        email.ifPresent(v -> body.add("email", v));
        phone.ifPresent(v -> body.add("phone_number", v));
        identifier.ifPresent(v -> body.add("identifier", v));
        JsonObjectBuilder t = JSON.createObjectBuilder();
        tokens.forEach(t::add);
        return body.add("additional_attributes", JSON.createObjectBuilder().add(TOKENS, t));
    }

    JsonObject update() {
        return body(Optional.empty()).build();
    }
}
