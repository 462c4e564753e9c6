package org.consentry.platform.boundary;

import jakarta.validation.constraints.Size;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A purpose id as configured: lower-case letters, digits and hyphens, at most 64. */
@NotNull
@Size(min = 1, max = 64)
@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a purpose id: a-z 0-9 and '-', at most 64")
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, RECORD_COMPONENT})
public @interface PurposeId {

    String message() default "must be a purpose id: a-z 0-9 and '-', at most 64";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
