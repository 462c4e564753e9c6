package org.consentry.escalation.entity;

/** The customer wrote after the handoff (fired in the storing transaction). */
public record CustomerMessaged(String escalationId, String messageId) {
}
