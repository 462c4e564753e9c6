package org.consentry.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.consentry.platform.control.RateLimitStatus;

/**
 * Writes the RateLimit and RateLimit-Policy fields ({@link RateLimitFields}) on the response of a request
 * that a limiter reported to ({@link RateLimitStatus}): a success and a 429 alike. JAX-RS runs response
 * filters on the responses that exception mappers build too, so the 429 problem of ProblemExceptionMapper
 * carries them beside its Retry-After (RevealLimitAtomicIT and HandoffLimitIT check both on real responses).
 */
@Provider
public class RateLimitHeaders implements ContainerResponseFilter {

    @Inject
    RateLimitStatus status;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        status.reported().ifPresent(reported -> {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle(RateLimitFields.POLICY, RateLimitFields.policy(reported));
            headers.putSingle(RateLimitFields.REMAINING, RateLimitFields.remaining(reported));
        });
    }
}
