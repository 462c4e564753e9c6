package org.consentry.escalation.entity;

/** WAITING in the queue, ASSIGNED to one agent (the bot is paused), RESOLVED (the agent's access ends). */
public enum EscalationStatus {
    WAITING, ASSIGNED, RESOLVED
}
