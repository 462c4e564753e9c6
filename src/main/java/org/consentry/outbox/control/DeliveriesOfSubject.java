package org.consentry.outbox.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.erasure.control.SubjectData;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.platform.control.Jdbc;
import org.consentry.platform.control.JsonRows;

/**
 * The deliveries made or due about the subject (to the CRM, to the bot's callback), for their rights.
 * An erasure drops what was not sent yet and removes the subject from the record of what was.
 */
@ApplicationScoped
public class DeliveriesOfSubject implements SubjectData {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Override
    public String section() {
        return "deliveries";
    }

    @Override
    public JsonValue export(String subjectId) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        em.createQuery("SELECT e FROM OutboxEntry e WHERE e.subjectId = :s ORDER BY e.createdAt", OutboxEntry.class)
                .setParameter("s", subjectId).getResultStream()
                .forEach(e -> all.add(JsonRows.row().put("id", e.id()).put("kind", e.kind()).put("status", e.status().name())
                        .put("attempts", e.attempts()).put("createdAt", e.createdAt()).put("lastAttemptAt", e.lastAttemptAt())
                        .put("deliveredAt", e.deliveredAt()).put("lastOutcome", e.lastOutcome())
                        .put("retainUntil", e.retainUntil()).builder()));
        return all.build();
    }

    @Override
    public Map<String, Integer> erase(String subjectId) {
        em.flush();
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("outbox_entry (unsent, deleted)", update("DELETE FROM outbox_entry WHERE subject_id = ?"
                + " AND status IN ('PENDING', 'FAILED')", subjectId));
        rows.put("outbox_entry (sent, subject removed)", update("UPDATE outbox_entry SET subject_id = NULL"
                + " WHERE subject_id = ?", subjectId));
        return rows;
    }

    private int update(String sql, String subjectId) {
        try (PreparedStatement s = Jdbc.connection(em).prepareStatement(sql)) {
            s.setString(1, subjectId);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox entries could not be erased", e);
        }
    }
}
