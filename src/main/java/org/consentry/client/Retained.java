package org.consentry.client;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A host entity whose rows are kept for the retention period Consentry's policy sets for a category (CRM
 * admins change it there): each new row's {@link RetainUntil} field is stamped when it is persisted
 * ({@code @EntityListeners(RetainedRows.class)}), and rows past it are deleted by the client's sweep
 * (consentry.client.retained names the entity), except the rows of subjects under a legal hold in
 * Consentry. The entity also has a {@link SubjectId} field.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface Retained {

    /** One of Consentry's data categories (consentry.retention.&lt;category&gt;.period). */
    String category();
}
