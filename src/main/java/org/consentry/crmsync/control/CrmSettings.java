package org.consentry.crmsync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the CRM is and how to reach it. Without consentry.crm.url there is no CRM: nothing is queued
 * for it. A plain-HTTP URL stops the start unless consentry.crm.allow-http says it is development.
 */
@ApplicationScoped
public class CrmSettings {

    @Inject
    @ConfigProperty(name = "consentry.crm.connector", defaultValue = "webhook")
    String connector;

    @Inject
    @ConfigProperty(name = "consentry.crm.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "consentry.crm.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "consentry.crm.allow-http", defaultValue = "false")
    boolean allowHttp;

    void verify(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String name = connector.toLowerCase(Locale.ROOT);
        if (!name.equals("webhook") && !name.equals("chatwoot")) {
            throw new IllegalStateException("consentry.crm.connector '" + connector + "' is neither webhook nor chatwoot");
        }
        url.ifPresent(u -> {
            URI uri = URI.create(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
                throw new IllegalStateException("consentry.crm.url must be https (plain http only with consentry.crm.allow-http=true, for development)");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new IllegalStateException("consentry.crm.url must be scheme://host[:port][/path] without user info");
            }
        });
    }

    public boolean configured() {
        return url.isPresent() && !url.get().isBlank();
    }

    public String connector() {
        return connector.toLowerCase(Locale.ROOT);
    }

    public String url() {
        return url.orElseThrow(() -> new IllegalStateException("consentry.crm.url is not set"));
    }

    public Optional<String> secret() {
        return secret.filter(s -> !s.isBlank());
    }
}
