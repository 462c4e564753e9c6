package org.consentry.client;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Marks the parameter (a String) that names the data subject of a {@link RequiresConsent} method. */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface SubjectId {
}
