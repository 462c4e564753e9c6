package org.consentry.retention.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.consentry.retention.entity.DataCategory;
import org.consentry.retention.entity.Retained;
import org.consentry.retention.entity.RetainedRow;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionAction;

/**
 * Every table whose rows carry a retention stamp, found once at start-up from the persistence unit's
 * entities marked {@link Retained}. Refuses to start on a declaration it cannot enforce: an unknown
 * category, an entity without a stamp, a cacheable entity (the sweep and the erasure change rows with
 * SQL; a shared cache would go on serving them), or a configured ANONYMIZE for a table that can only
 * be deleted.
 */
@ApplicationScoped
public class RetainedTables {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    @PersistenceUnit(unitName = "consentry")
    EntityManagerFactory emf;

    @Inject
    DataCategories categories;

    private List<RetainedTable> tables;

    @PostConstruct
    void load() {
        List<RetainedTable> found = new ArrayList<>();
        for (EntityType<?> type : emf.getMetamodel().getEntities()) {
            Class<?> entity = type.getJavaType();
            Retained retained = entity.getAnnotation(Retained.class);
            if (retained != null) {
                found.add(describe(entity, retained, categories::find));
            }
        }
        found.sort(Comparator.comparing(RetainedTable::table));
        tables = List.copyOf(found);
    }

    static RetainedTable describe(Class<?> entity, Retained retained, Function<String, Optional<DataCategory>> categories) {
        String name = entity.getSimpleName();
        DataCategory category = categories.apply(retained.category()).orElseThrow(() -> new IllegalStateException(
                name + " declares the data category '" + retained.category() + "', which consentry.categories does not list"));
        if (!RetainedRow.class.isAssignableFrom(entity)) {
            throw new IllegalStateException(name + " is @Retained but does not implement RetainedRow");
        }
        Cacheable cacheable = entity.getAnnotation(Cacheable.class);
        if (cacheable != null && cacheable.value()) {
            throw new IllegalStateException(name + " is @Retained and @Cacheable: swept and erased rows would be served"
                    + " from the shared cache");
        }
        if (category.action() == RetentionAction.ANONYMIZE && retained.anonymized().length == 0) {
            throw new IllegalStateException("consentry.retention." + category.id() + ".action=ANONYMIZE, but " + name
                    + " can only be deleted");
        }
        Table table = entity.getAnnotation(Table.class);
        String tableName = table == null || table.name().isEmpty() ? name.toLowerCase(java.util.Locale.ROOT) : table.name();
        List<RetainedTable.Dependent> dependents = Arrays.stream(retained.dependents()).map(RetainedTable.Dependent::parse).toList();
        for (RetainedTable.Dependent d : dependents) {
            checkName(name, d.table());
            checkName(name, d.column());
        }
        checkName(name, tableName);
        return new RetainedTable(entity, tableName, idColumn(entity), category.id(), dependents, List.of(retained.anonymized()));
    }

    private static String idColumn(Class<?> entity) {
        for (Class<?> c = entity; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class)) {
                    Column column = field.getAnnotation(Column.class);
                    return column == null || column.name().isEmpty() ? field.getName() : column.name();
                }
            }
        }
        throw new IllegalStateException(entity.getSimpleName() + " has no @Id field");
    }

    private static void checkName(String entity, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException(entity + ": '" + name + "' is not a plain table or column name");
        }
    }

    public List<RetainedTable> all() {
        return tables;
    }

    public List<RetainedTable> inCategory(String category) {
        return tables.stream().filter(t -> t.category().equals(category)).toList();
    }

    public Optional<RetainedTable> of(Class<?> entity) {
        return tables.stream().filter(t -> t.entity().equals(entity)).findFirst();
    }

    public RetainedTable required(Class<?> entity) {
        return of(entity).orElseThrow(() -> new IllegalArgumentException(entity.getSimpleName() + " is not @Retained"));
    }
}
