package org.consentry.platform.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A problem answer a resource method gives of its own (a 409 of its resource's state, a 413 of its
 * limits), for the OpenAPI document: the problem types behind the status, and when. OperationAnswers
 * puts it in place of the answer every operation of that kind gets, with the Problem schema. (MP
 * OpenAPI's own @APIResponse would do, but one on a method drops the success answer SmallRye derives.)
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
@Repeatable(ProblemAnswer.List.class)
public @interface ProblemAnswer {

    int status();

    /** The problem types (last segment of type) and when each is answered. */
    String value();

    @Documented
    @Retention(RUNTIME)
    @Target(METHOD)
    @interface List {
        ProblemAnswer[] value();
    }
}
