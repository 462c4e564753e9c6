package org.consentry.escalation.control;

/** An escalation as its platform knows it: Consentry's ids, the language, and the adapter's own route back. */
public record PlatformConversation(String escalationId, String conversationId, String subjectId, String language,
                                   String route) {
}
