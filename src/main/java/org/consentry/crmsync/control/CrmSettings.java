package org.consentry.crmsync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.consentry.outbox.control.WebhookSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the CRM is and how to reach it. Without consentry.crm.url there is no CRM: nothing is queued
 * for it. A plain-HTTP URL stops the start unless consentry.crm.allow-http says it is development. For
 * the webhook connector consentry.crm.secret (and .previous during a rotation) are whsec_ signing
 * secrets, a malformed one stops the start; for Chatwoot the secret is its API token.
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
    @ConfigProperty(name = "consentry.crm.secret.previous")
    Optional<String> previousSecret;

    @Inject
    @ConfigProperty(name = "consentry.crm.allow-http", defaultValue = "false")
    boolean allowHttp;

    private Optional<WebhookSigner> signer;

    void verify(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String name = connector.toLowerCase(Locale.ROOT);
        if (!name.equals("webhook") && !name.equals("chatwoot")) {
            throw new IllegalStateException("consentry.crm.connector '" + connector + "' is neither webhook nor chatwoot");
        }
        if (name.equals("webhook")) {
            signer();
        } else if (previousSecret.filter(s -> !s.isBlank()).isPresent()) {
            throw new IllegalStateException("consentry.crm.secret.previous is a webhook signing secret; the chatwoot connector has no use for it");
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

    /** The webhook connector's signer; empty without consentry.crm.secret. */
    public synchronized Optional<WebhookSigner> signer() {
        if (signer == null) {
            signer = WebhookSigner.configured("consentry.crm.secret", secret, previousSecret);
        }
        return signer;
    }
}
