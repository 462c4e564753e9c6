package org.consentry.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource a bot platform or helpdesk calls with its own authentication (a signed JWT, a shared
 * secret, a token), not a Consentry user: web.xml leaves its POSTs open at the container level and the
 * resource refuses anything its platform did not sign (401, nothing stored). The OpenAPI document
 * gives its operations the role {@code platform} and says which authentication ({@link #value()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PlatformAuthenticated {

    /** How the platform authenticates, e.g. "Bot Framework channel JWT (RS256, the bot's app id as audience)". */
    String value();
}
