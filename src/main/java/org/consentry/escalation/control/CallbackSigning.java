package org.consentry.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.consentry.outbox.control.WebhookSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secrets that sign agent-reply callbacks: consentry.callback.secret and, while the bot switches
 * to it, consentry.callback.secret.previous, both whsec_ secrets. A malformed one stops the start;
 * without any, callbacks are not sent (the bot polls).
 */
@ApplicationScoped
public class CallbackSigning {

    @Inject
    @ConfigProperty(name = "consentry.callback.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "consentry.callback.secret.previous")
    Optional<String> previous;

    private Optional<WebhookSigner> signer;

    void verify(@Observes @Initialized(ApplicationScoped.class) Object started) {
        signer();
    }

    public synchronized Optional<WebhookSigner> signer() {
        if (signer == null) {
            signer = WebhookSigner.configured("consentry.callback.secret", secret, previous);
        }
        return signer;
    }
}
