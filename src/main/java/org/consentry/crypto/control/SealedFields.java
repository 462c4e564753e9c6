package org.consentry.crypto.control;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.FieldAddress;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;

/** What an entity class seals: its table, its id field and its @PersonalData fields with their columns. */
final class SealedFields {

    private static final Map<Class<?>, SealedFields> BY_CLASS = new ConcurrentHashMap<>();

    final String table;
    private final Field id;
    final Map<String, Field> fields;
    private final Map<String, FieldAddress.Column> columns;

    private SealedFields(Class<?> type) {
        if (!DataSubject.class.isAssignableFrom(type)) {
            throw new IllegalStateException(type.getName() + " has @PersonalData fields but does not implement DataSubject");
        }
        Table annotation = type.getAnnotation(Table.class);
        table = annotation != null && !annotation.name().isEmpty() ? annotation.name() : type.getSimpleName();
        Field idField = null;
        Map<String, Field> sealed = new LinkedHashMap<>();
        Map<String, FieldAddress.Column> columnNames = new LinkedHashMap<>();
        String tableName = table;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Id.class)) {
                    idField = f;
                }
                if (f.isAnnotationPresent(PersonalData.class)) {
                    if (f.getType() != Sealed.class) {
                        throw new IllegalStateException(type.getName() + "." + f.getName() + " is @PersonalData but not Sealed");
                    }
                    f.setAccessible(true);
                    Column column = f.getAnnotation(Column.class);
                    sealed.put(f.getName(), f);
                    columnNames.put(f.getName(), FieldAddress.Column.of(tableName,
                            column != null && !column.name().isEmpty() ? column.name() : f.getName()));
                }
            }
        }
        if (idField == null) {
            throw new IllegalStateException(type.getName() + " has no @Id field to bind its sealed values to");
        }
        idField.setAccessible(true);
        id = idField;
        fields = sealed;
        columns = columnNames;
    }

    static SealedFields of(Class<?> type) {
        return BY_CLASS.computeIfAbsent(type, SealedFields::new);
    }

    FieldAddress address(Object entity, String field) {
        FieldAddress.Column column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException(table + " has no personal field " + field);
        }
        Object rowId = read(id, entity);
        if (rowId == null) {
            throw new IllegalStateException(table + ": a sealed value needs the row id before insert");
        }
        return new FieldAddress(column, rowId.toString());
    }

    String rowId(Object entity) {
        return String.valueOf(read(id, entity));
    }

    Sealed value(Object entity, String field) {
        return (Sealed) read(fields.get(field), entity);
    }

    void set(Object entity, String field, Sealed value) {
        try {
            fields.get(field).set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> pending(Object entity) {
        List<String> names = new ArrayList<>();
        fields.forEach((name, f) -> {
            Sealed value = (Sealed) read(f, entity);
            if (value != null && value.isPending()) {
                names.add(name);
            }
        });
        return names;
    }

    private static Object read(Field f, Object entity) {
        try {
            return f.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
