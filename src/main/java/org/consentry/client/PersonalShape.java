package org.consentry.client;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
 * String or lacks the SealedText converter) is an IllegalStateException naming the class and the rule.
 */
final class PersonalShape {

    /** One personal field: where it is stored and for which purpose. */
    /** A field as Consentry's key requests name it: table.column, and its category. */
    record Named(String name, String category) {
    }

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

    private PersonalShape(String table, Field id, Field subject, List<Slot> slots) {
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
        return SHAPES.computeIfAbsent(type, PersonalShape::read);
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

    private static PersonalShape read(Class<?> type) {
        String name = type.getName();
        Cacheable cacheable = type.getAnnotation(Cacheable.class);
        if (cacheable == null || cacheable.value()) {
            throw new IllegalStateException(name + " has @Personal fields and must be @Cacheable(false): a shared cache would"
                    + " keep clear values past the subject's erasure");
        }
        if (!tracksChanges(type)) {
            throw new IllegalStateException(name + " has @Personal fields: it needs EclipseLink's woven change tracking (Liberty's"
                    + " default; leave eclipselink.weaving and eclipselink.weaving.changetracking on). A provider that finds"
                    + " changes by comparing with the loaded state would write the opened values before they could be sealed");
        }
        Field id = null;
        Field subject = null;
        List<Slot> slots = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class)) {
                    id = accessible(field);
                }
                if (field.isAnnotationPresent(SubjectId.class)) {
                    subject = accessible(field);
                }
                Personal personal = field.getAnnotation(Personal.class);
                if (personal != null) {
                    slots.add(slot(name, tableOf(type), field, personal));
                }
            }
        }
        if (id == null || subject == null) {
            throw new IllegalStateException(name + " has @Personal fields: it needs an @Id field and a @SubjectId field");
        }
        return new PersonalShape(tableOf(type), id, subject, List.copyOf(slots));
    }

    private static Slot slot(String entity, String table, Field field, Personal personal) {
        Convert convert = field.getAnnotation(Convert.class);
        if (field.getType() != String.class || convert == null || convert.converter() != SealedText.class) {
            throw new IllegalStateException(entity + "." + field.getName() + " is @Personal: it must be a String with"
                    + " @Convert(converter = SealedText.class)");
        }
        if (personal.purpose().isBlank()) {
            throw new IllegalStateException(entity + "." + field.getName() + ": @Personal needs its purpose");
        }
        Column column = field.getAnnotation(Column.class);
        String columnName = column != null && !column.name().isEmpty() ? column.name() : field.getName();
        return new Slot(accessible(field), columnName, personal.purpose(), personal.category(), wovenSetter(field),
                ("consentry/host/v1|" + table + "|" + columnName + "|").getBytes(StandardCharsets.UTF_8));
    }

    /** Whether EclipseLink wove change tracking into the class (by name: the jar does not link against EclipseLink). */
    static boolean tracksChanges(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("org.eclipse.persistence.descriptors.changetracking.ChangeTracker")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** EclipseLink's woven _persistence_set_&lt;field&gt; (it records the change), if the class was woven. */
    private static Method wovenSetter(Field field) {
        try {
            Method setter = field.getDeclaringClass().getDeclaredMethod("_persistence_set_" + field.getName(), String.class);
            setter.setAccessible(true);
            return setter;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String tableOf(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        if (table != null && !table.name().isEmpty()) {
            return table.name();
        }
        Entity entity = type.getAnnotation(Entity.class);
        return entity != null && !entity.name().isEmpty() ? entity.name() : type.getSimpleName();
    }

    private static Field accessible(Field field) {
        field.setAccessible(true);
        return field;
    }
}
