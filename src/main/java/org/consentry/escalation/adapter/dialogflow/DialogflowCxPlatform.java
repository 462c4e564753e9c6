package org.consentry.escalation.adapter.dialogflow;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.consentry.escalation.control.AgentReply;
import org.consentry.escalation.control.BotPlatform;
import org.consentry.escalation.control.HandoffStatus;
import org.consentry.escalation.control.PlatformConversation;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.SignedPost;
import org.consentry.outbox.control.WebhookSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dialogflow CX has no API that pushes a message to the end user: the integration that calls detectIntent
 * (the website's chat back end, a telephony bridge) shows the agent's replies. Consentry sends each one,
 * and each handoff status, to that integration's consentry.platforms.dialogflow-cx.reply-url as a JSON POST
 * signed the Standard Webhooks way with consentry.platforms.dialogflow-cx.reply-secret (a whsec_ secret),
 * the reply's message id as webhook-id: a retried delivery is the same message, which the integration
 * deduplicates. The body names the Dialogflow session, so the integration finds the user's chat.
 */
@ApplicationScoped
public class DialogflowCxPlatform implements BotPlatform {

    @Inject
    @ConfigProperty(name = "consentry.platforms.dialogflow-cx.reply-url")
    Optional<String> replyUrl;

    @Inject
    @ConfigProperty(name = "consentry.platforms.dialogflow-cx.reply-secret")
    Optional<String> replySecret;

    @Inject
    SignedPost post;

    private volatile Optional<WebhookSigner> signer;

    @Override
    public String type() {
        return WebhookTurns.PLATFORM;
    }

    @Override
    public DeliveryResult reply(PlatformConversation conversation, AgentReply reply) {
        String body = about(conversation, "agent.message")
                .add("messageId", reply.messageId())
                .add("seq", reply.seq())
                .add("agent", reply.agent())
                .add("text", reply.text())
                .add("sentAt", reply.at().toString())
                .build().toString();
        return send(body, reply.messageId());
    }

    @Override
    public DeliveryResult status(PlatformConversation conversation, HandoffStatus status) {
        String body = about(conversation, "handoff.status")
                .add("status", status.name().toLowerCase(Locale.ROOT))
                .build().toString();
        return send(body, conversation.escalationId() + "_" + status.name().toLowerCase(Locale.ROOT));
    }

    /** What every message to the integration says: its type, the Dialogflow session, Consentry's ids. */
    private static JsonObjectBuilder about(PlatformConversation conversation, String type) {
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("session", SessionRoute.fromJson(conversation.route()).session())
                .add("escalationId", conversation.escalationId())
                .add("conversationId", conversation.conversationId());
    }

    private DeliveryResult send(String body, String id) {
        if (replyUrl.filter(u -> !u.isBlank()).isEmpty()) {
            return new DeliveryResult.Rejected("consentry.platforms.dialogflow-cx.reply-url is not set");
        }
        Optional<WebhookSigner> signing;
        try {
            signing = signer();
        } catch (IllegalStateException malformed) { // the message names the key and what is wrong, never the value
            return new DeliveryResult.Rejected(malformed.getMessage());
        }
        if (signing.isEmpty()) {
            return new DeliveryResult.Rejected("consentry.platforms.dialogflow-cx.reply-secret is not set: unsigned replies are not sent");
        }
        DeliveryResult result = post.send(URI.create(replyUrl.get().strip()), body, signing.get(), id, Map.of());
        return result instanceof DeliveryResult.Delivered ? result : prefixed(result);
    }

    private static DeliveryResult prefixed(DeliveryResult result) {
        String what = "dialogflow-cx reply-url: " + result.what();
        if (result instanceof DeliveryResult.Retry retry) {
            return new DeliveryResult.Retry(what, retry.after());
        }
        return result instanceof DeliveryResult.Rejected ? new DeliveryResult.Rejected(what) : result;
    }

    private Optional<WebhookSigner> signer() {
        Optional<WebhookSigner> known = signer;
        if (known == null) {
            known = WebhookSigner.configured("consentry.platforms.dialogflow-cx.reply-secret", replySecret, Optional.empty());
            signer = known;
        }
        return known;
    }
}
