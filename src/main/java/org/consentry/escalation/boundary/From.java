package org.consentry.escalation.boundary;

/** Who wrote a line of the transcript the bot hands over: the customer or the bot itself. */
public enum From {
    CUSTOMER, BOT
}
