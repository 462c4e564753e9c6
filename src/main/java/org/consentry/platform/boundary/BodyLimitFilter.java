package org.consentry.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds every request body: a declared length over the limit is refused before anything is read,
 * and a body without one (chunked) is cut off as soon as it passes the limit.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "consentry.http.max-body-bytes", defaultValue = "262144")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes).problem();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedInputStream(request.getEntityStream(), maxBodyBytes));
        }
    }
}
