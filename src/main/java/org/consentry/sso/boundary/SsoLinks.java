package org.consentry.sso.boundary;

import jakarta.servlet.http.HttpServletRequest;
import org.consentry.platform.control.PublicOrigins;

/** The console's own address, where the provider sends the browser after sign-out (registered there). */
final class SsoLinks {

    private SsoLinks() {
    }

    /** The first public origin when configured (behind a proxy), else the request's own. */
    static String console(HttpServletRequest request, PublicOrigins publicOrigins) {
        String origin = publicOrigins.origins().stream().findFirst().map(Object::toString)
                .orElseGet(() -> request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        return origin + request.getContextPath() + "/console/";
    }
}
