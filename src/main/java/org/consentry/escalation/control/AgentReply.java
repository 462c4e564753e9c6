package org.consentry.escalation.control;

import java.time.Instant;

/** An agent's reply to the customer, opened for delivery (the id is stable across attempts). */
public record AgentReply(String messageId, int seq, String agent, String text, Instant at) {
}
