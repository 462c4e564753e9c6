package org.consentry.testing.evidence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The duties a test proves. On a class it applies to every test method of the class and of its nested
 * classes. Read by {@link EvidenceReport} after the build's tests, so it must survive to run time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Proves {
    Duty[] value();
}
