package org.consentry.client;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an entity class with {@link Personal} fields looks like to the listener, read once per class and
 * checked then: its table, id and {@link SubjectId} fields, and each personal field with its column and
 * purpose. A class that cannot be guarded (no subject field, a cached entity, a personal field that is not a
 * String or lacks the SealedText converter) is an IllegalStateException naming the class and the rule
 * ({@link PersonalClasses} reads and checks it).
 */
final class PersonalShape {

    /** A field as Consentry's key requests name it: table.column, and its category. */
    record Named(String name, String category) {
    }

    /** One personal field: where it is stored, for which purpose, and its value's address prefix. */
    record Slot(Field field, String column, String purpose, String category, Method trackedSetter, byte[] prefix) {
        String name() {
            return field.getName();
        }
    }

    private static final Map<Class<?>, PersonalShape> SHAPES = new ConcurrentHashMap<>();

    final String table;
    final Field id;
    final Field subject;
    /** The personal fields by purpose, in declaration order. */
    final Map<String, List<Slot>> byPurpose;
    /** The fields of each purpose as table.column with their category, as Consentry's audit and inventory name them. */
    final Map<String, List<Named>> named;

    PersonalShape(String table, Field id, Field subject, List<Slot> slots) {
        this.table = table;
        this.id = id;
        this.subject = subject;
        Map<String, List<Slot>> grouped = new java.util.LinkedHashMap<>();
        slots.forEach(slot -> grouped.computeIfAbsent(slot.purpose(), p -> new ArrayList<>()).add(slot));
        Map<String, List<Named>> names = new java.util.LinkedHashMap<>();
        grouped.forEach((purpose, of) -> names.put(purpose,
                of.stream().map(slot -> new Named(table + "." + slot.column(), slot.category())).toList()));
        this.byPurpose = java.util.Collections.unmodifiableMap(grouped);
        this.named = java.util.Collections.unmodifiableMap(names);
    }

    static PersonalShape of(Class<?> type) {
        return SHAPES.computeIfAbsent(type, PersonalClasses::read);
    }

    /** {@code consentry/host/v1|<table>|<column>|<row id>} in UTF-8: the associated data of a value. */
    byte[] address(Slot slot, Object entity) {
        Object row = get(id, entity);
        if (row == null) {
            throw new IllegalStateException(table + ": a row with @Personal fields needs its id before it is written (assign it,"
                    + " e.g. a UUID, before persist)");
        }
        byte[] id = row.toString().getBytes(StandardCharsets.UTF_8);
        byte[] address = java.util.Arrays.copyOf(slot.prefix(), slot.prefix().length + id.length);
        System.arraycopy(id, 0, address, slot.prefix().length, id.length);
        return address;
    }

    String subjectOf(Object entity) {
        Object value = get(subject, entity);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(table + ": the @SubjectId field is blank; a row with @Personal fields belongs to a subject");
        }
        return s;
    }

    String value(Slot slot, Object entity) {
        return (String) get(slot.field(), entity);
    }

    /** Sets a value the way the JPA provider notices (its woven setter, when there is one), so that it is written. */
    void write(Slot slot, Object entity, String value) {
        try {
            if (slot.trackedSetter() != null) {
                slot.trackedSetter().invoke(entity, value);
            } else {
                slot.field().set(entity, value);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(table + "." + slot.column() + " cannot be set", e);
        }
    }

    /** Sets a value without telling the JPA provider: the clear value in memory is not a change to write. */
    void show(Slot slot, Object entity, String value) {
        try {
            slot.field().set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(table + "." + slot.column() + " cannot be set", e);
        }
    }

    private static Object get(Field field, Object entity) {
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field.getName() + " cannot be read", e);
        }
    }
}
