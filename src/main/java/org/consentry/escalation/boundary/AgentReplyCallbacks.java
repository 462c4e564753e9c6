package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.consentry.escalation.control.CallbackSigning;
import org.consentry.outbox.control.DeliveryHandler;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.SignedPost;
import org.consentry.outbox.control.WebhookSigner;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * Delivers an agent's reply to the bot's callback URL: a JSON body signed the Standard Webhooks way
 * with consentry.callback.secret (and .previous during a rotation), the outbox entry's id as webhook-id.
 * A bot platform's conversation gets the reply, and the handoff's status, through its adapter
 * ({@link PlatformDeliveries}).
 * The reply is opened at send time (audited as a system delivery); an erased one is not sent.
 */
@ApplicationScoped
public class AgentReplyCallbacks implements DeliveryHandler {

    @Inject
    SignedPost post;

    @Inject
    CallbackBodies bodies;

    @Inject
    CallbackSigning signing;

    @Inject
    PlatformDeliveries platforms;

    @Override
    public boolean handles(String kind) {
        return AgentDesk.CALLBACK_KIND.equals(kind) || AgentTurns.STATUS_KIND.equals(kind);
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        if (AgentTurns.STATUS_KIND.equals(entry.kind())) {
            return platforms.status(entry);
        }
        if (entry.target().startsWith("platform:")) {
            return platforms.reply(entry); // a bot platform's conversation: its adapter's way
        }
        Optional<WebhookSigner> signer = signing.signer();
        if (signer.isEmpty()) {
            return new DeliveryResult.Rejected("consentry.callback.secret is not set: unsigned callbacks are not sent");
        }
        Optional<String> body = bodies.of(entry.reference());
        if (body.isEmpty()) {
            return new DeliveryResult.Obsolete("the reply no longer exists");
        }
        return post.send(URI.create(entry.target()), body.get(), signer.get(), entry.id(), Map.of());
    }
}
