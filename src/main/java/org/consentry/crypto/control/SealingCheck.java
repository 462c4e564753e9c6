package org.consentry.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.FieldsOpened;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Refuses to start when personal data could be opened without a record of it (no audit observing
 * {@link FieldsOpened}), or when an entity declares personal fields that would not be sealed: every
 * {@code @PersonalData} field must be {@link Sealed}, its entity a {@link DataSubject} reached by the
 * {@link SealingListener}: a default listener of the persistence unit (META-INF/orm.xml) that the entity
 * does not exclude. Without this check a missing listener would store nothing instead of ciphertext.
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
        boolean sealingByDefault = defaultListeners().contains(SealingListener.class.getName());
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            problems.addAll(problemsOf(entity.getJavaType(), sealingByDefault));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Personal data would not be sealed: " + String.join("; ", problems));
        }
    }

    static List<String> problemsOf(Class<?> type, boolean sealingByDefault) {
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
        if (!sealingByDefault) {
            problems.add(type.getSimpleName() + " has personal fields but META-INF/orm.xml does not declare SealingListener");
        } else if (type.isAnnotationPresent(ExcludeDefaultListeners.class)) {
            problems.add(type.getSimpleName() + " has personal fields but excludes the default listeners, SealingListener among them");
        }
        return problems;
    }

    /** The default entity listeners META-INF/orm.xml declares for the persistence unit. */
    static List<String> defaultListeners() {
        try (InputStream xml = SealingCheck.class.getClassLoader().getResourceAsStream("META-INF/orm.xml")) {
            if (xml == null) {
                return List.of();
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            NodeList defaults = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "persistence-unit-defaults");
            List<String> listeners = new ArrayList<>();
            for (int i = 0; i < defaults.getLength(); i++) {
                NodeList declared = ((Element) defaults.item(i)).getElementsByTagNameNS("*", "entity-listener");
                for (int j = 0; j < declared.getLength(); j++) {
                    listeners.add(((Element) declared.item(j)).getAttribute("class"));
                }
            }
            return listeners;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("META-INF/orm.xml cannot be read", e);
        }
    }
}
