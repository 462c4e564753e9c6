package org.consentry.escalation.entity;

/** A new escalation was stored (fired in the handoff's transaction): a helpdesk integration may open it there. */
public record EscalationHandedOff(String escalationId) {
}
