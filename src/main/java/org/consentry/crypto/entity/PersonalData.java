package org.consentry.crypto.entity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks an entity field of type {@link Sealed} as personal data of a category (contact, transcript,
 * ...): it is stored only as ciphertext under the subject's data key (the entity implements
 * {@link DataSubject}), sealed by {@code SealingListener} before insert and update.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
public @interface PersonalData {

    /** The data category (consentry.categories). */
    String category();
}
