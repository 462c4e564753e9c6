package org.consentry.escalation.adapter;

import static org.consentry.escalation.adapter.JsonFields.object;
import static org.consentry.escalation.adapter.JsonFields.string;

import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import org.consentry.consent.boundary.ConsentGrantRequest;
import org.consentry.escalation.boundary.CustomerFields;
import org.consentry.escalation.boundary.HandoffRequest;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * Consentry's own member in a platform's metadata (Dialogflow's payload or session parameter, Rasa's
 * slot, both called {@code consentry}): the customer's fields and the consent given in the chat, and the
 * check of the handoff built from it against the generic API's rules, each violation named by its path
 * in the platform's payload.
 */
public final class ConsentryMetadata {

    private ConsentryMetadata() {
    }

    /** {@code customer: {name, email, phone}}, each optional. */
    public static CustomerFields customer(JsonObject metadata, String path) {
        JsonObject customer = object(metadata, "customer", path + ".customer", false);
        return new CustomerFields(string(customer, "name", path + ".customer.name", false),
                string(customer, "email", path + ".customer.email", false),
                string(customer, "phone", path + ".customer.phone", false));
    }

    /** {@code consent: {noticeVersion, channel, evidence}}, or null when the chat carries none. */
    public static ConsentGrantRequest consent(JsonObject metadata, String path) {
        JsonObject consent = object(metadata, "consent", path + ".consent", false);
        return consent == null ? null : new ConsentGrantRequest(
                string(consent, "noticeVersion", path + ".consent.noticeVersion", true),
                string(consent, "channel", path + ".consent.channel", true),
                string(consent, "evidence", path + ".consent.evidence", true));
    }

    /** A 400 naming {@code fieldOf(property)} for the first rule the request breaks. */
    public static void validate(Validator validator, HandoffRequest request, UnaryOperator<String> fieldOf) {
        validator.validate(request).stream().min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    String field = fieldOf.apply(path(v));
                    throw new ProblemException(Problems.VALIDATION, field + " " + v.getMessage() + ".").with("field", field);
                });
    }

    private static String path(ConstraintViolation<HandoffRequest> violation) {
        return violation.getPropertyPath().toString();
    }
}
