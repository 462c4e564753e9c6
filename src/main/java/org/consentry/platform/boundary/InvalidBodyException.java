package org.consentry.platform.boundary;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.consentry.platform.control.FieldError;
import org.consentry.platform.control.Problems;

/** A JSON body of the wrong shape; carries every error so that the client fixes them in one go. */
public class InvalidBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public InvalidBodyException(List<FieldError> errors) {
        super("invalid body", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public Response toResponse() {
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return ProblemResponses.invalid(Problems.VALIDATION, "Invalid value for: " + fields, errors);
    }
}
