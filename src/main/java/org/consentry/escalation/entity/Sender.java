package org.consentry.escalation.entity;

/** Who wrote a message of the conversation. */
public enum Sender {
    CUSTOMER, BOT, AGENT
}
