package org.consentry.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The addresses the OpenAPI document publishes as its servers ({@value #INTERNAL_URL} for bots, CRMs and
 * host applications inside the network, {@value #PUBLIC_URL} for callers outside it): each an absolute
 * URL with a host; in production each must be https://, as nothing else is served there.
 */
@ApplicationScoped
public class ApiAddressCheck implements SettingsCheck {

    public static final String INTERNAL_URL = "consentry.openapi.internal-url";
    public static final String PUBLIC_URL = "consentry.openapi.public-url";

    @Override
    public void check(Settings settings, boolean production) {
        for (String key : new String[] {INTERNAL_URL, PUBLIC_URL}) {
            settings.optional(key).ifPresent(url -> {
                URI uri = parse(url);
                if (uri == null || uri.getHost() == null || !uri.isAbsolute()) {
                    settings.problem(key + ": '" + url + "' is not an absolute URL with a host");
                } else if (production && !"https".equalsIgnoreCase(uri.getScheme())) {
                    settings.problem(key + ": production publishes only https:// addresses, not '" + url + "'");
                }
            });
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
