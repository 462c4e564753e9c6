package org.consentry.retention.entity;

import java.util.List;

/** A table of {@link Retained} rows, as the sweep and the erasure see it. */
public record RetainedTable(Class<?> entity, String table, String idColumn, String category,
                            List<Dependent> dependents, List<String> anonymized) {

    public RetainedTable {
        dependents = List.copyOf(dependents);
        anonymized = List.copyOf(anonymized);
    }

    public boolean anonymizable() {
        return !anonymized.isEmpty();
    }

    /** Rows of {@code table} whose {@code column} holds a retained row's id. */
    public record Dependent(String table, String column) {

        public static Dependent parse(String tableDotColumn) {
            int dot = tableDotColumn.indexOf('.');
            if (dot <= 0 || dot == tableDotColumn.length() - 1) {
                throw new IllegalArgumentException("a dependent is table.column, not '" + tableDotColumn + "'");
            }
            return new Dependent(tableDotColumn.substring(0, dot), tableDotColumn.substring(dot + 1));
        }
    }
}
