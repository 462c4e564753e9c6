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

/** The customer's id in the bot and the CRM: 1 to 128 characters of {@code [A-Za-z0-9._:@-]}. */
@NotNull
@Size(min = 1, max = 128)
@Pattern(regexp = SubjectId.PATTERN, message = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ -")
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, RECORD_COMPONENT})
public @interface SubjectId {

    String PATTERN = "[A-Za-z0-9._:@-]{1,128}";

    String message() default "must be 1-128 characters of A-Z a-z 0-9 . _ : @ -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
