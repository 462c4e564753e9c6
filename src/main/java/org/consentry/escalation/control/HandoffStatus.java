package org.consentry.escalation.control;

/** Where the handoff stands, as a platform is told: a human joined, the human part ended, or it failed. */
public enum HandoffStatus { ACCEPTED, COMPLETED, FAILED }
