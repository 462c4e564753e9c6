package org.consentry.escalation.control;

import org.consentry.outbox.control.DeliveryResult;

/**
 * A bot platform's way back (the SPI every package under {@code org.consentry.escalation.adapter}
 * implements): the agent's reply to the customer, and the handoff's status, sent the platform's way
 * (a Bot Framework activity, Rasa's callback channel...). Called from the outbox, at least once per
 * reply or status: make a repeated call harmless where the platform allows (a stable id per reply).
 * Never let an exception out for an answer the platform should not give: a failed attempt is a
 * {@link DeliveryResult} with a reason naming no personal data.
 */
public interface BotPlatform {

    /** The platform an escalation names ({@code botframework}, {@code dialogflow-cx}, {@code rasa}). */
    String type();

    DeliveryResult reply(PlatformConversation conversation, AgentReply reply);

    DeliveryResult status(PlatformConversation conversation, HandoffStatus status);
}
