package org.consentry.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.FieldsOpened;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;

/**
 * Refuses to start when personal data could be opened without a record of it (no audit observing
 * {@link FieldsOpened}), or when an entity declares personal fields that would not be sealed: every
 * {@code @PersonalData} field must be {@link Sealed}, its entity a {@link DataSubject} with the
 * {@link SealingListener}. Without this check a forgotten listener would store nothing instead of
 * ciphertext.
 */
@ApplicationScoped
public class SealingCheck {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    BeanManager beans;

    void verify(@Observes @Initialized(ApplicationScoped.class) Object started) {
        List<String> problems = new ArrayList<>();
        if (beans.resolveObserverMethods(new FieldsOpened("s", "t", "r", List.of(), null, true)).isEmpty()) {
            problems.add("nothing records the opening of personal data (no observer of FieldsOpened: the audit is missing)");
        }
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            problems.addAll(problemsOf(entity.getJavaType()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Personal data would not be sealed: " + String.join("; ", problems));
        }
    }

    static List<String> problemsOf(Class<?> type) {
        List<String> problems = new ArrayList<>();
        boolean personal = false;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(PersonalData.class)) {
                    personal = true;
                    if (f.getType() != Sealed.class) {
                        problems.add(type.getSimpleName() + "." + f.getName() + " is @PersonalData but not Sealed");
                    }
                }
            }
        }
        if (!personal) {
            return problems;
        }
        if (!DataSubject.class.isAssignableFrom(type)) {
            problems.add(type.getSimpleName() + " has personal fields but is not a DataSubject");
        }
        EntityListeners listeners = type.getAnnotation(EntityListeners.class);
        if (listeners == null || !Arrays.asList(listeners.value()).contains(SealingListener.class)) {
            problems.add(type.getSimpleName() + " has personal fields but not @EntityListeners(SealingListener.class)");
        }
        return problems;
    }
}
