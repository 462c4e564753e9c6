package org.consentry.client;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A String field of a host entity that holds the subject's personal data: stored only as AES-256-GCM
 * ciphertext under the subject's key from Consentry (bound to the entity's table, this column and the
 * row's id), read back as the plain value while the key lives, and read as null once the subject is erased
 * in Consentry or the purpose's lawful basis no longer holds for it. The entity carries
 * {@code @EntityListeners(PersonalFields.class)}, {@code @Cacheable(false)}, an {@link SubjectId} field and
 * an id assigned before it is persisted; the field carries {@code @Convert(converter = SealedText.class)}
 * (which stops any write of an unsealed value: see SealedText). Every key Consentry gives for it is audited there with
 * {@link #purpose()}.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
public @interface Personal {

    /** The purpose (one of Consentry's consentry.purposes) the host holds and reads this value for. */
    String purpose();

    /**
     * The category of personal data the value is (one of the purpose's consentry.purposes.&lt;id&gt;.categories,
     * e.g. contact or transcript), as Consentry's record of processing names it.
     */
    String category() default "contact";
}
