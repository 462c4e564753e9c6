package org.consentry.escalation.adapter.dialogflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.Optional;
import org.consentry.escalation.control.AgentReply;
import org.consentry.escalation.control.HandoffStatus;
import org.consentry.escalation.control.PlatformConversation;
import org.consentry.outbox.control.DeliveryResult;
import org.junit.jupiter.api.Test;

/** A reply URL or secret that is missing or malformed ends the attempt with a reason naming the key, never an exception. */
class DialogflowCxPlatformTest {

    static final PlatformConversation CONVERSATION = new PlatformConversation("e-1", "dfcx:h:x", "cust-1", "pl",
            new SessionRoute(DialogflowPayloads.AGENT + "/sessions/s-1").toJson());
    static final AgentReply REPLY = new AgentReply("m-1", 2, "agent1", "Zwrot zlecony.", Instant.parse("2026-11-29T10:06:00Z"));

    @Test
    void withoutAReplyUrlOrSecretNothingIsSent() {
        DialogflowCxPlatform platform = new DialogflowCxPlatform();
        platform.replyUrl = Optional.empty();
        platform.replySecret = Optional.of(DialogflowIntegration.REPLY_SECRET);
        assertEquals(new DeliveryResult.Rejected("consentry.platforms.dialogflow-cx.reply-url is not set"),
                platform.reply(CONVERSATION, REPLY));
        platform.replyUrl = Optional.of("https://chat.example.com/consentry/replies");
        platform.replySecret = Optional.empty();
        assertInstanceOf(DeliveryResult.Rejected.class, platform.status(CONVERSATION, HandoffStatus.ACCEPTED));
    }

    @Test
    void aMalformedSecretIsARejectionNamingTheKeyNotTheValue() {
        DialogflowCxPlatform platform = new DialogflowCxPlatform();
        platform.replyUrl = Optional.of("https://chat.example.com/consentry/replies");
        platform.replySecret = Optional.of("plain-passphrase-123");
        DeliveryResult result = platform.reply(CONVERSATION, REPLY);
        assertInstanceOf(DeliveryResult.Rejected.class, result);
        assertEquals(true, result.what().startsWith("consentry.platforms.dialogflow-cx.reply-secret must be"), result.what());
        assertFalse(result.what().contains("plain-passphrase-123"));
    }
}
