package org.consentry.crypto.entity;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a sealed value lives: table, column and row id. It is the AEAD's associated data, so a
 * ciphertext copied to another row, column or table does not open.
 */
public final class FieldAddress {

    private final String table;
    private final String column;
    private final String rowId;
    private final byte[] associatedData;

    public FieldAddress(String table, String column, String rowId) {
        this(Column.of(table, column), rowId);
    }

    /** An address in a column whose associated-data prefix is computed once. */
    public FieldAddress(Column column, String rowId) {
        if (rowId == null || rowId.isBlank()) {
            throw new IllegalArgumentException("a sealed field needs its row id");
        }
        this.table = column.table;
        this.column = column.column;
        this.rowId = rowId;
        byte[] row = rowId.getBytes(StandardCharsets.UTF_8);
        this.associatedData = new byte[column.prefix.length + row.length];
        System.arraycopy(column.prefix, 0, associatedData, 0, column.prefix.length);
        System.arraycopy(row, 0, associatedData, column.prefix.length, row.length);
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public String rowId() {
        return rowId;
    }

    /** {@code consentry/field/v1|<table>|<column>|<row id>} in UTF-8. */
    public byte[] associatedData() {
        return associatedData.clone();
    }

    byte[] associatedDataShared() {
        return associatedData;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldAddress a && table.equals(a.table) && column.equals(a.column) && rowId.equals(a.rowId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, column, rowId);
    }

    @Override
    public String toString() {
        return table + "." + column + "[" + rowId + "]";
    }

    /** A table and column, with the associated-data prefix of its values. */
    public static final class Column {
        final String table;
        final String column;
        final byte[] prefix;

        private Column(String table, String column) {
            if (table == null || column == null || table.isBlank() || column.isBlank()) {
                throw new IllegalArgumentException("a sealed field needs its table and column");
            }
            this.table = table;
            this.column = column;
            this.prefix = ("consentry/field/v1|" + table + "|" + column + "|").getBytes(StandardCharsets.UTF_8);
        }

        public static Column of(String table, String column) {
            return new Column(table, column);
        }
    }
}
