package org.consentry.audit.entity;

/** ALLOWED/DENIED for decisions (consent, access), DONE/FAILED for operations. */
public enum Outcome {
    ALLOWED, DENIED, DONE, FAILED
}
