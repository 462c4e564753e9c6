package org.consentry.platform.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A success a resource method answers with other than the 200 (or 204) SmallRye derives from its return
 * type: 201 for what it created, 202 for work it started, 200 for the same request again. OperationAnswers
 * puts these in place of the derived one, keeping its schema. EndpointFuzzIT fails on any status an
 * operation answers that its document does not declare.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
@Repeatable(Success.List.class)
public @interface Success {

    int status();

    /** When this status is answered, and what the body is. */
    String value();

    @Documented
    @Retention(RUNTIME)
    @Target(METHOD)
    @interface List {
        Success[] value();
    }
}
