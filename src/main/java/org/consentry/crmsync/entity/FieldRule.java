package org.consentry.crmsync.entity;

/** What happens to a field on its way to the CRM. */
public enum FieldRule {
    /** Leaves as it is. */
    CLEAR,
    /** Leaves as a token; the original stays sealed here. */
    TOKEN,
    /** Does not leave. */
    DROP
}
