package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.consentry.escalation.control.AgentReply;
import org.consentry.escalation.control.BotPlatform;
import org.consentry.escalation.control.BotPlatforms;
import org.consentry.escalation.control.HandoffStatus;
import org.consentry.escalation.control.PlatformConversation;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * Replies and handoff status to escalations a bot platform handed over, through the platform's adapter
 * ({@link BotPlatform}). A reply is opened when it is sent (audited as a callback delivery); one that is
 * gone (erased) is not sent.
 */
@ApplicationScoped
public class PlatformDeliveries {

    @Inject
    BotPlatforms platforms;

    @Inject
    PlatformDeliveryPreparation preparation;

    /** What a platform delivery needs: the conversation, and the reply or the status. */
    public record Prepared(String platform, PlatformConversation conversation, AgentReply reply, HandoffStatus status) {
    }

    public DeliveryResult reply(OutboxEntry entry) {
        return send(preparation.reply(entry.reference()));
    }

    public DeliveryResult status(OutboxEntry entry) {
        return send(preparation.status(entry.reference()));
    }

    private DeliveryResult send(Optional<Prepared> prepared) {
        if (prepared.isEmpty()) {
            return new DeliveryResult.Obsolete("the escalation or reply no longer exists");
        }
        Prepared p = prepared.get();
        Optional<BotPlatform> platform = platforms.of(p.platform());
        if (platform.isEmpty()) {
            return new DeliveryResult.Rejected("no adapter for platform " + p.platform() + " is deployed");
        }
        return p.reply() != null ? platform.get().reply(p.conversation(), p.reply())
                : platform.get().status(p.conversation(), p.status());
    }
}
