package org.consentry.compliance.control;

import jakarta.persistence.Column;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.retention.entity.Retained;

/**
 * Where personal data is stored, read from the entities themselves: every {@code @PersonalData} field
 * (sealed under the subject's key) and every {@code @Retained} table (rows of a category, kept for its
 * retention period). The record of processing prints this map, so it cannot drift from the code.
 */
public final class PersonalDataMap {

    /** One place: a sealed column, or a whole table of a category ({@code column} "*"). */
    public record Place(String category, String table, String column, String entity, boolean sealed) {
    }

    private PersonalDataMap() {
    }

    public static List<Place> of(Iterable<Class<?>> entities) {
        List<Place> places = new ArrayList<>();
        for (Class<?> type : entities) {
            String table = table(type);
            Retained retained = type.getAnnotation(Retained.class);
            if (retained != null) {
                places.add(new Place(retained.category(), table, "*", type.getSimpleName(), false));
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    PersonalData personal = f.getAnnotation(PersonalData.class);
                    if (personal != null) {
                        Column column = f.getAnnotation(Column.class);
                        String name = column == null || column.name().isEmpty() ? f.getName() : column.name();
                        places.add(new Place(personal.category(), table, name, type.getSimpleName() + "." + f.getName(), true));
                    }
                }
            }
        }
        places.sort(Comparator.comparing(Place::category).thenComparing(Place::table).thenComparing(Place::column));
        return List.copyOf(places);
    }

    private static String table(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        return table == null || table.name().isEmpty() ? type.getSimpleName() : table.name();
    }
}
