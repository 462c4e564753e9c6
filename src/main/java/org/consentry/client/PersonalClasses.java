package org.consentry.client;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an entity class with {@link Personal} fields into its {@link PersonalShape}, checking on the way
 * that it can be guarded: not cached, woven for change tracking, an id and a subject field, each personal
 * field a String with the SealedText converter and a purpose.
 */
final class PersonalClasses {

    private PersonalClasses() {
    }

    static PersonalShape read(Class<?> type) {
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
        List<PersonalShape.Slot> slots = new ArrayList<>();
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
                    slots.add(slot(name, EntityNames.tableOf(type), field, personal));
                }
            }
        }
        if (id == null || subject == null) {
            throw new IllegalStateException(name + " has @Personal fields: it needs an @Id field and a @SubjectId field");
        }
        return new PersonalShape(EntityNames.tableOf(type), id, subject, List.copyOf(slots));
    }

    private static PersonalShape.Slot slot(String entity, String table, Field field, Personal personal) {
        Convert convert = field.getAnnotation(Convert.class);
        if (field.getType() != String.class || convert == null || convert.converter() != SealedText.class) {
            throw new IllegalStateException(entity + "." + field.getName() + " is @Personal: it must be a String with"
                    + " @Convert(converter = SealedText.class)");
        }
        if (personal.purpose().isBlank()) {
            throw new IllegalStateException(entity + "." + field.getName() + ": @Personal needs its purpose");
        }
        String columnName = EntityNames.columnOf(field);
        return new PersonalShape.Slot(accessible(field), columnName, personal.purpose(), personal.category(), wovenSetter(field),
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

    private static Field accessible(Field field) {
        field.setAccessible(true);
        return field;
    }
}
