package org.consentry.crmsync.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.crmsync.entity.CrmContact;
import org.consentry.crmsync.entity.CrmToken;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.erasure.control.SubjectData;
import org.consentry.erasure.control.SubjectExport;
import org.consentry.erasure.entity.ContactCorrection;
import org.consentry.platform.control.JsonRows;

/** The subject's CRM contacts (leads) and the originals of the tokens the CRM got, for their rights. */
@ApplicationScoped
public class CrmOfSubject implements SubjectData {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Inject
    SubjectExport export;

    @Override
    public String section() {
        return "crm";
    }

    @Override
    public JsonValue export(String subjectId) {
        JsonArrayBuilder contacts = JSON.createArrayBuilder();
        for (CrmContact c : contacts(subjectId)) {
            contacts.add(export.contact(JsonRows.row().put("id", c.id()).put("capturedAt", c.capturedAt()), c, "name", "email", "phone")
                    .put("retainUntil", c.retainUntil()).builder());
        }
        JsonArrayBuilder tokenList = JSON.createArrayBuilder();
        for (SubjectExport.Opened<CrmToken> t : export.opened(tokens(subjectId), "original")) {
            tokenList.add(JsonRows.row().put("token", t.row().token()).put("field", t.row().field()).put("value", t.value())
                    .put("retainUntil", t.row().retainUntil()).builder());
        }
        return JSON.createObjectBuilder().add("contacts", contacts).add("tokens", tokenList).build();
    }

    @Override
    public Map<String, Integer> erase(String subjectId) {
        List<CrmContact> contacts = contacts(subjectId);
        List<CrmToken> tokens = tokens(subjectId);
        contacts.forEach(em::remove);
        tokens.forEach(em::remove);
        em.flush();
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("crm_contact", contacts.size());
        rows.put("crm_token", tokens.size());
        return rows;
    }

    @Override
    public int rectify(String subjectId, ContactCorrection correction) {
        List<CrmContact> contacts = contacts(subjectId);
        for (CrmContact c : contacts) {
            correction.forEach((field, value) -> sealer.replace(c, field, value));
        }
        return contacts.size();
    }

    private List<CrmContact> contacts(String subjectId) {
        return export.rows(CrmContact.class, "capturedAt", subjectId);
    }

    private List<CrmToken> tokens(String subjectId) {
        return export.rows(CrmToken.class, "createdAt", subjectId);
    }
}
