package org.consentry.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.lang.reflect.Field;

/** The table and column names a host entity's mapping gives, as the JPA defaults would name them. */
final class EntityNames {

    private EntityNames() {
    }

    static String tableOf(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        if (table != null && !table.name().isEmpty()) {
            return table.name();
        }
        Entity entity = type.getAnnotation(Entity.class);
        return entity != null && !entity.name().isEmpty() ? entity.name() : type.getSimpleName();
    }

    static String columnOf(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column != null && !column.name().isEmpty() ? column.name() : field.getName();
    }
}
