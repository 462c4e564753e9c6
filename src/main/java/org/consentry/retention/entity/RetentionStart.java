package org.consentry.retention.entity;

/**
 * When a category's retention clock starts: when the data is collected, or when the relationship
 * with the customer ends (signalled by the CRM or an admin), as for contact data.
 */
public enum RetentionStart {
    COLLECTION, RELATIONSHIP_END
}
