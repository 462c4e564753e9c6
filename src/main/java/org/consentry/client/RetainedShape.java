package org.consentry.client;

import java.lang.reflect.Field;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Retained} entity class as the stamp and the sweep see it, read once per class: its table, its
 * category, the column and field of its {@link RetainUntil} stamp and the column of its {@link SubjectId}.
 * A class that breaks a rule is an IllegalStateException naming the class and the rule.
 */
final class RetainedShape {

    private static final Map<Class<?>, RetainedShape> SHAPES = new ConcurrentHashMap<>();

    final String table;
    final String category;
    final Field until;
    final String untilColumn;
    final String subjectColumn;
    /** The stamp is a LocalDateTime in UTC (what a JPA 3.0 provider maps to a timestamp column); else an Instant. */
    final boolean local;

    private RetainedShape(String table, String category, Field until, String untilColumn, String subjectColumn) {
        this.table = table;
        this.category = category;
        this.until = until;
        this.untilColumn = untilColumn;
        this.subjectColumn = subjectColumn;
        this.local = until.getType() == LocalDateTime.class;
    }

    /** The stamp's value for a due moment. */
    Object stamp(Instant due) {
        return local ? LocalDateTime.ofInstant(due, ZoneOffset.UTC) : due;
    }

    /** Now, as the stamp's column compares with it. */
    Timestamp now() {
        return local ? Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)) : Timestamp.from(Instant.now());
    }

    static RetainedShape of(Class<?> type) {
        return SHAPES.computeIfAbsent(type, RetainedShape::read);
    }

    private static RetainedShape read(Class<?> type) {
        Retained retained = type.getAnnotation(Retained.class);
        if (retained == null) {
            throw new IllegalStateException(type.getName() + " is not @Retained");
        }
        Field until = null;
        Field subject = null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                until = field.isAnnotationPresent(RetainUntil.class) ? field : until;
                subject = field.isAnnotationPresent(SubjectId.class) ? field : subject;
            }
        }
        if (until == null || (until.getType() != Instant.class && until.getType() != LocalDateTime.class) || subject == null) {
            throw new IllegalStateException(type.getName() + " is @Retained: it needs a @RetainUntil field (an Instant, or a"
                    + " LocalDateTime in UTC) and a @SubjectId field");
        }
        until.setAccessible(true);
        return new RetainedShape(EntityNames.tableOf(type), retained.category(), until, EntityNames.columnOf(until),
                EntityNames.columnOf(subject));
    }
}
