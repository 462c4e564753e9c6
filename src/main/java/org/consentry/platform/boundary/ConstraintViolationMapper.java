package org.consentry.platform.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.consentry.platform.control.FieldError;
import org.consentry.platform.control.Problems;

/** Bean Validation failures name the field: the JSON member path, or the parameter as the request names it ({@link ViolationField}). */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final Logger LOG = Logger.getLogger(ConstraintViolationMapper.class.getName());

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        var violations = exception.getConstraintViolations();
        if (violations.stream().anyMatch(ConstraintViolationMapper::onReturnValue)) {
            // A response that breaks its own contract is our fault, not the client's.
            return FailureMapper.internal(LOG, exception);
        }
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(ViolationField.of(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return ProblemResponses.invalid(Problems.VALIDATION, "Invalid value for: " + fields, errors);
    }

    private static boolean onReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }
}
