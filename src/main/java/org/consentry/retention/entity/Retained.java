package org.consentry.retention.entity;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares an entity's data category, and so its retention: the entity implements {@link RetainedRow},
 * its table has retention_start, retain_until and subject_id columns, and the retention sweep finds it.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface Retained {

    /** The data category (consentry.categories) whose policy sets how long a row is kept. */
    String category();

    /**
     * Rows of other tables that live and die with a row of this one, as {@code table.column} where the
     * column holds this row's id. Removed first, whichever way the row goes (sweep, erasure, em.remove).
     */
    String[] dependents() default {};

    /**
     * How a row is anonymised, as SQL assignments ({@code customer_name = NULL}); empty when the row is
     * the personal data itself and can only be deleted. The category's policy may say ANONYMIZE only when
     * every table of the category can be anonymised.
     */
    String[] anonymized() default {};
}
