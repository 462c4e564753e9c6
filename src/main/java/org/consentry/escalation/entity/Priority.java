package org.consentry.escalation.entity;

/** How urgent an escalation is (V24): from the bot's handoff, NORMAL when it names none; an admin may override it. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
