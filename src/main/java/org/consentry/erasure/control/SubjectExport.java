package org.consentry.erasure.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.platform.control.JsonRows;

/**
 * The part every component's {@link SubjectData} shares: the subject's rows of an entity, and their
 * sealed fields opened for the export (each opening audited as {@link SubjectData#EXPORT}).
 */
@Dependent
public class SubjectExport {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    /** A row with one of its sealed fields opened. */
    public record Opened<T>(T row, String value) {
    }

    /** The subject's rows of {@code entity} (one with a subjectId), in the order of {@code orderedBy}. */
    public <T> List<T> rows(Class<T> entity, String orderedBy, String subjectId) {
        return em.createQuery("SELECT r FROM " + entity.getSimpleName() + " r WHERE r.subjectId = :s ORDER BY r." + orderedBy,
                entity).setParameter("s", subjectId).getResultList();
    }

    /** Each row with its {@code field} opened, in the rows' order. */
    public <T extends DataSubject> List<Opened<T>> opened(List<T> rows, String field) {
        List<String> values = sealer.openEach(rows, field, SubjectData.EXPORT);
        List<Opened<T>> opened = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            opened.add(new Opened<>(rows.get(i), values.get(i)));
        }
        return opened;
    }

    /** The row's contact fields opened and put into {@code json} as name, email and phone. */
    public JsonRows contact(JsonRows json, Object row, String nameField, String emailField, String phoneField) {
        Map<String, String> fields = sealer.open(row, SubjectData.EXPORT, nameField, emailField, phoneField);
        return json.put("name", fields.get(nameField)).put("email", fields.get(emailField)).put("phone", fields.get(phoneField));
    }
}
