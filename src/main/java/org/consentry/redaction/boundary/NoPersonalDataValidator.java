package org.consentry.redaction.boundary;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.stream.Collectors;
import org.consentry.redaction.control.PiiScanner;
import org.consentry.redaction.entity.Finding;

/** Refuses a text in which the scanner finds personal data, naming the kinds found (never the values). */
public class NoPersonalDataValidator implements ConstraintValidator<NoPersonalData, CharSequence> {

    private static final PiiScanner SCANNER = PiiScanner.standard();

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
        if (text == null) {
            return true;
        }
        var found = SCANNER.scan(text);
        if (found.isEmpty()) {
            return true;
        }
        String kinds = found.stream().map(Finding::type).map(Enum::name).distinct().collect(Collectors.joining(", "));
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be a reference (an id), not personal data: found " + kinds)
                .addConstraintViolation();
        return false;
    }
}
