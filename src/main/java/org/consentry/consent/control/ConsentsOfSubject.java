package org.consentry.consent.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consentry.consent.entity.ConsentRecord;
import org.consentry.erasure.control.SubjectData;
import org.consentry.platform.control.Jdbc;
import org.consentry.platform.control.JsonRows;
import org.consentry.retention.control.RetainedTables;
import org.consentry.retention.control.SweepBatches;
import org.consentry.retention.entity.RetentionAction;

/**
 * The subject's consents for their rights. An erasure ends the live consents and then anonymises every
 * record: the fact that a consent was given, under which notice, when, and when it ended stays as
 * evidence (Art. 7(1)) without the person; the subject's id and the evidence text go.
 */
@ApplicationScoped
public class ConsentsOfSubject implements SubjectData {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    RetainedTables tables;

    @Inject
    Event<ConsentChanged> changes;

    @Inject
    Clock clock;

    @Override
    public String section() {
        return "consents";
    }

    @Override
    public JsonValue export(String subjectId) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (ConsentRecord r : history(subjectId)) {
            all.add(JsonRows.row().put("purpose", r.purpose()).put("status", r.status().name())
                    .put("noticeVersion", r.noticeVersion()).put("channel", r.channel()).put("evidence", r.evidence())
                    .put("grantedAt", r.grantedAt()).put("grantedBy", r.grantedBy()).put("endedAt", r.endedAt())
                    .put("endedBy", r.endedBy()).put("retainUntil", r.retainUntil()).builder());
        }
        return all.build();
    }

    @Override
    public Map<String, Integer> erase(String subjectId) {
        List<ConsentRecord> records = history(subjectId);
        Instant now = clock.instant();
        for (ConsentRecord r : records) {
            if (r.isLive()) {
                r.withdraw("erasure", now);
                changes.fire(new ConsentChanged(subjectId, r.purpose(), ConsentChanged.Change.ERASED, r.id()));
            }
        }
        em.flush();
        List<Long> ids = records.stream().map(ConsentRecord::id).toList();
        records.forEach(em::detach);
        Connection connection = Jdbc.connection(em);
        try {
            int rows = SweepBatches.handle(connection, Jdbc.Dialect.of(connection), tables.required(ConsentRecord.class),
                    RetentionAction.ANONYMIZE, ids);
            return Map.of("consent_record (anonymised)", rows);
        } catch (SQLException e) {
            throw new IllegalStateException("consent records could not be anonymised", e);
        }
    }

    private List<ConsentRecord> history(String subjectId) {
        return em.createNamedQuery(ConsentRecord.HISTORY, ConsentRecord.class).setParameter("subjectId", subjectId)
                .getResultList();
    }
}
