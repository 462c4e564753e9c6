package org.consentry.client;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The field of a {@link Retained} entity that holds when its row is due: a {@code java.time.Instant}, or a
 * {@code java.time.LocalDateTime} in UTC (what a Jakarta Persistence 3.0 provider maps to a timestamp column
 * without a converter).
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
public @interface RetainUntil {
}
