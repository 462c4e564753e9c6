package org.consentry.platform.boundary;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/** A UTC instant in a query parameter ({@code from}, {@code to}): the pattern that bounds it, and its parsing. */
public final class QueryInstant {

    public static final String PATTERN = "\\d{4}-\\d{2}-\\d{2}T[0-9:.]{1,18}Z";
    public static final String MESSAGE = "must be an ISO-8601 UTC instant";

    private QueryInstant() {
    }

    /** The instant, or a 400 problem naming the parameter. */
    public static Instant parse(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problems.VALIDATION, "Invalid value for: " + field).with("field", field);
        }
    }
}
