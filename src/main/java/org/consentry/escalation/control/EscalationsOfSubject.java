package org.consentry.escalation.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.erasure.control.SubjectData;
import org.consentry.erasure.control.SubjectExport;
import org.consentry.erasure.entity.ContactCorrection;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.MessageBody;
import org.consentry.escalation.entity.PiiToken;
import org.consentry.platform.control.JsonRows;

/**
 * The subject's escalations for their rights: exported with the customer fields and the transcript in
 * clear (each masked value restored from its token), erased through the entity manager (so that the
 * ErasureListener removes each escalation's messages, tokens and feed events), rectified by re-sealing
 * the customer fields.
 */
@ApplicationScoped
public class EscalationsOfSubject implements SubjectData {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Inject
    EscalationReasons reasons;

    @Inject
    SubjectExport export;

    @Override
    public String section() {
        return "escalations";
    }

    @Override
    public JsonValue export(String subjectId) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (Escalation e : escalations(subjectId)) {
            JsonObjectBuilder customerJson = export.contact(JsonRows.row(), e, "customerName", "customerEmail", "customerPhone")
                    .builder();
            Map<String, String> byToken = originals(e);
            MessageBody reason = reasons.open(e, EXPORT);
            JsonObjectBuilder json = JsonRows.row().put("id", e.id()).put("conversationId", e.conversationId())
                    .put("status", e.status().name()).put("language", e.language()).put("reason", reason == null ? null : restored(reason, byToken))
                    .put("agent", e.agent()).put("createdAt", e.createdAt()).put("claimedAt", e.claimedAt())
                    .put("resolvedAt", e.resolvedAt()).put("retainUntil", e.retainUntil()).builder()
                    .add("customer", customerJson).add("transcript", transcript(e, byToken));
            all.add(json);
        }
        return all.build();
    }

    /** The originals of the escalation's masked values (reason and transcript), by token. */
    private Map<String, String> originals(Escalation e) {
        List<PiiToken> tokens = em.createQuery("SELECT t FROM PiiToken t WHERE t.escalationId = :id", PiiToken.class)
                .setParameter("id", e.id()).getResultList();
        Map<String, String> byToken = new HashMap<>();
        for (SubjectExport.Opened<PiiToken> t : export.opened(tokens, "original")) {
            byToken.put(t.row().id(), t.value());
        }
        return byToken;
    }

    private JsonArrayBuilder transcript(Escalation e, Map<String, String> byToken) {
        List<EscalationMessage> messages = em.createNamedQuery(EscalationMessage.OF, EscalationMessage.class)
                .setParameter("escalationId", e.id()).setParameter("after", 0).getResultList();
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (SubjectExport.Opened<EscalationMessage> opened : export.opened(messages, "body")) {
            EscalationMessage m = opened.row();
            lines.add(JsonRows.row().put("seq", m.seq()).put("from", m.sender().name()).put("author", m.author())
                    .put("at", m.sentAt()).put("text", restored(MessageBody.fromJson(opened.value()), byToken))
                    .put("retainUntil", m.retainUntil()).builder());
        }
        return lines;
    }

    /** The text as the customer wrote it: each mask replaced by its token's original. */
    static String restored(MessageBody body, Map<String, String> originals) {
        StringBuilder text = new StringBuilder(body.text());
        List<MessageBody.Mask> masks = body.masks().stream()
                .sorted((a, b) -> Integer.compare(b.start(), a.start())).toList();
        for (MessageBody.Mask mask : masks) {
            String original = originals.get(mask.token());
            if (original != null) {
                text.replace(mask.start(), mask.end(), original);
            }
        }
        return text.toString();
    }

    @Override
    public Map<String, Integer> erase(String subjectId) {
        List<Escalation> escalations = escalations(subjectId);
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("escalation_message", count("SELECT COUNT(m) FROM EscalationMessage m WHERE m.subjectId = :s", subjectId));
        rows.put("pii_token", count("SELECT COUNT(t) FROM PiiToken t WHERE t.subjectId = :s", subjectId));
        rows.put("escalation", escalations.size());
        escalations.forEach(em::remove); // ErasureListener: messages, tokens and feed events go first
        em.flush();
        return rows;
    }

    @Override
    public int rectify(String subjectId, ContactCorrection correction) {
        List<Escalation> escalations = escalations(subjectId);
        for (Escalation e : escalations) {
            // the escalation's fields are customerName, customerEmail, customerPhone
            correction.forEach((field, value) -> sealer.replace(e, "customer" + Character.toUpperCase(field.charAt(0))
                    + field.substring(1), value));
        }
        return escalations.size();
    }

    private List<Escalation> escalations(String subjectId) {
        return export.rows(Escalation.class, "createdAt", subjectId);
    }

    private int count(String jpql, String subjectId) {
        return em.createQuery(jpql, Long.class).setParameter("s", subjectId).getSingleResult().intValue();
    }
}
