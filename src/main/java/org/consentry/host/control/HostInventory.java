package org.consentry.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.host.entity.HostField;

/**
 * The host applications' fields of personal data, as their key requests name them. Each field is written
 * once per server and whenever its purpose or category changes, in a transaction of its own (a
 * technical boundary, like SubjectKeyStore's): two servers, or two requests, recording the same new field
 * at once meet at its primary key, and the loser's key request goes on.
 */
@ApplicationScoped
public class HostInventory {

    /** A field as a key request names it. */
    public record Field(String table, String column, String category) {
    }

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    HostFieldStore store;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Records the fields not yet known here with this purpose and category. */
    public void seen(String host, String purpose, List<Field> fields) {
        for (Field field : fields) {
            String id = HostField.idOf(host, field.table(), field.column());
            if (known.contains(id + "|" + purpose + "|" + field.category())) {
                continue;
            }
            try {
                store.record(host, purpose, field);
            } catch (RuntimeException concurrent) {
                // recorded by another request or server at the same moment: theirs stands
            }
            known.add(id + "|" + purpose + "|" + field.category());
        }
    }

    public List<HostField> all() {
        return em.createQuery("SELECT f FROM HostField f ORDER BY f.host, f.table, f.column", HostField.class).getResultList();
    }
}
