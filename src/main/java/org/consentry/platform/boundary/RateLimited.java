package org.consentry.platform.boundary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose responses carry the RateLimit and RateLimit-Policy header fields of the
 * named policy ({@code "handoff"}, {@code "reveal"}: configured as consentry.&lt;policy&gt;.limit per
 * consentry.&lt;policy&gt;.window). The fields themselves come from the limiter, through
 * {@link RateLimitHeaders}; this annotation tells the OpenAPI document ({@link RateLimitDocumentation}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /** The policy's name, as it appears in the header fields. */
    String value();
}
