package org.consentry.consent.control;

/**
 * Whether a bot handed off a conversation with the subject (implemented by the escalation component,
 * which stands above this one). Without an implementation no bot has handed anything off.
 */
public interface HandedOffSubjects {

    boolean handedOff(String subjectId, String bot);
}
