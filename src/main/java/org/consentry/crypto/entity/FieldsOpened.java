package org.consentry.crypto.entity;

import java.util.List;

/**
 * Fired (synchronously, in the caller's transaction) whenever sealed personal data was opened or
 * failed to open; the audit records it. An observer that fails makes the opening fail too.
 */
public record FieldsOpened(String subjectId, String table, String rowId, List<String> fields, Access access,
                           boolean succeeded) {
}
