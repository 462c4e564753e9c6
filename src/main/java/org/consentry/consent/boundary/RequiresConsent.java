package org.consentry.consent.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The method moves personal data for a purpose: it runs only when the purpose's lawful basis holds for
 * the data subject among its arguments (a parameter marked {@code @SubjectId}, or an argument that is
 * a {@code DataSubject}); consent purposes need a granted, current consent. Otherwise the call ends
 * with a 403 consent-required problem. Every decision is audited.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface RequiresConsent {

    /** The purpose id (consentry.purposes). */
    @Nonbinding
    String value();
}
