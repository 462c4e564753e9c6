package org.consentry.escalation.boundary;

import java.time.Instant;
import java.util.List;

/** What the escalation endpoints answer. */
public final class Views {

    private Views() {
    }

    /** An escalation in the queue: its reason masked, and only for an agent who may open it. */
    public record QueueItem(String id, String status, String language, String reason, Instant createdAt,
                            long waitingSeconds, int messageCount) {
    }

    /** A page of the queue: its items, how many match in all, since when the oldest waits, the next page's cursor. */
    public record QueuePage(List<QueueItem> items, long total, Instant oldest, String next) {
    }

    public record Created(String id, String status) {
    }

    public record Claimed(String id, String status, String agent) {
    }

    /** The customer's fields, masked. */
    public record Customer(String name, String email, String phone) {
    }

    /** Where a masked value is in a message, and its token for a reveal. */
    public record Mask(String field, String type, int start, int end) {
    }

    public record Message(String id, int seq, String from, String author, Instant at, String text, List<Mask> masks) {
    }

    /** An escalation as its agent (or an admin) sees it: personal data masked, the reason's masks revealable too. */
    public record Detail(String id, String conversationId, String status, String language, String reason,
                         List<Mask> reasonMasks, String agent,
                         Instant createdAt, Instant claimedAt, Instant resolvedAt, boolean botPaused, String aiDisclosure,
                         Instant humanJoinedAt, Customer customer,
                         List<Message> transcript) {
    }

    public record Revealed(String field, String value) {
    }

    /** The answer to every message the bot forwards: whether it may answer the customer itself. */
    /** {@code humanJoinedAt}: when a human took the chat (AI Act Art. 50), so the bot can tell the customer. */
    public record BotMessage(String id, int seq, String status, String heldBy, boolean botMayAnswer, Instant humanJoinedAt) {
    }

    public record AgentMessage(String id, int seq, String delivery) {
    }

    /** An agent's reply as the bot collects it when it has no callback. */
    public record Relay(String id, int seq, String agent, String text, Instant at) {
    }
}
