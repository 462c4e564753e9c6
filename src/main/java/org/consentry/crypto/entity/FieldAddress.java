package org.consentry.crypto.entity;

import java.nio.charset.StandardCharsets;

/**
 * Where a sealed value lives: table, column and row id. It is the AEAD's associated data, so a
 * ciphertext copied to another row, column or table does not open.
 */
public record FieldAddress(String table, String column, String rowId) {

    public FieldAddress {
        if (table == null || column == null || rowId == null || table.isBlank() || column.isBlank() || rowId.isBlank()) {
            throw new IllegalArgumentException("a sealed field needs its table, column and row id");
        }
    }

    public byte[] associatedData() {
        return ("consentry/field/v1|" + table + "|" + column + "|" + rowId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return table + "." + column + "[" + rowId + "]";
    }
}
