package org.consentry.retention.entity;

/** What happens to a row when its retention period ends. */
public enum RetentionAction {
    DELETE, ANONYMIZE
}
