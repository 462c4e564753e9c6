/** The bridge from the bot to human agents: handoff, queue, claim, masked transcript, reveal with reason, replies, resolve. */
package org.consentry.escalation;
