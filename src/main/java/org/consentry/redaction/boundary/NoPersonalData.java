package org.consentry.redaction.boundary;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text that is stored in clear, so it must not carry personal data the scanner can find (an e-mail
 * address, phone, card, IBAN, PESEL, NIP or IP address): references and ids only.
 */
@Constraint(validatedBy = NoPersonalDataValidator.class)
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
public @interface NoPersonalData {

    String message() default "must be a reference (an id), not personal data";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
