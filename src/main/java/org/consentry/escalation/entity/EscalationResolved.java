package org.consentry.escalation.entity;

/** An agent resolved an escalation (fired in the resolving transaction): the CRM sync observes it. */
public record EscalationResolved(String escalationId, String subjectId) {
}
