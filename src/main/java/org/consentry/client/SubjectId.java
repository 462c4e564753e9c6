package org.consentry.client;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The data subject's id (a String, the id the bot and the CRM use with Consentry): the parameter of a
 * {@link RequiresConsent} method that names it, or the field of an entity with {@link Personal} fields
 * whose row belongs to that subject.
 */
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD})
public @interface SubjectId {
}
