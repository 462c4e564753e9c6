package org.consentry.retention.entity;

/**
 * When a category's retention clock starts: when the data is collected; when the conversation it
 * belongs to ends (a transcript: collected, then counted again from the close); or when the
 * relationship with the customer ends (signalled by the CRM or an admin), as for contact data.
 */
public enum RetentionStart {
    COLLECTION, CONVERSATION_END, RELATIONSHIP_END
}
