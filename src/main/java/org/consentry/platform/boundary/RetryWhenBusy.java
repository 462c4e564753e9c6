package org.consentry.platform.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The operation is idempotent (repeating it changes nothing more) and runs in a transaction of its own:
 * when the database answers "busy" (a lock wait timed out, a deadlock chose this transaction), the
 * server repeats it a few times before it answers 503 database-busy with Retry-After ({@link BusyRetry}).
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface RetryWhenBusy {
}
