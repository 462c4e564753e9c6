package org.consentry.client;

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
 * On a host application's CDI bean method (or its class): the method runs only when Consentry says the
 * purpose's lawful basis holds for the data subject named by the parameter marked {@link SubjectId};
 * otherwise {@link ConsentRefusedException}, or {@link ConsentUnavailableException} when Consentry
 * cannot be asked (fail closed). The purpose is one of Consentry's (consentry.purposes).
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface RequiresConsent {

    /** Consentry's purpose id, e.g. "crm-sync". */
    @Nonbinding
    String value();
}
