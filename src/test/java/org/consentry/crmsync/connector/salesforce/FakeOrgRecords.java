package org.consentry.crmsync.connector.salesforce;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.testing.StandIn;

/**
 * The records of the fake org, by object and external id, with the rules a real org applies to them:
 * required fields on create, a unique external id, references that must point at an existing record,
 * a Contact that cannot be deleted while Cases point to it.
 */
final class FakeOrgRecords {

    static final String SUBJECT_FIELD = "Consentry_Subject_Id__c";
    static final String CASE_FIELD = "Consentry_Escalation_Id__c";
    static final String CONSENT_FIELD = "Consentry_Consent_Id__c";
    static final String DATA = "/services/data/v64.0";
    static final Map<String, String> EXTERNAL_ID = Map.of("Contact", SUBJECT_FIELD, "Lead", SUBJECT_FIELD,
            "Individual", SUBJECT_FIELD, "Case", CASE_FIELD, "ContactPointTypeConsent", CONSENT_FIELD);
    private static final Map<String, String> PREFIX = Map.of("Contact", "003", "Lead", "00Q", "Case", "500",
            "Individual", "0PK", "ContactPointTypeConsent", "0ZY");
    private static final Map<String, List<String>> REQUIRED = Map.of("Contact", List.of("LastName"),
            "Lead", List.of("LastName", "Company"), "Individual", List.of("LastName"), "Case", List.of(),
            "ContactPointTypeConsent", List.of("Name", "PartyId", "ContactPointType", "CaptureContactPointType",
                    "CaptureDate", "CaptureSource"));
    private static final Map<String, String> REFERENCES = Map.of("ContactId", "Contact", "IndividualId", "Individual",
            "PartyId", "Individual");
    private static final Pattern CASES_OF = Pattern.compile("SELECT " + CASE_FIELD + " FROM Case WHERE " + SUBJECT_FIELD
            + " = '((?:[^'\\\\]|\\\\.)*)' AND " + CASE_FIELD + " != null");

    final Map<String, Map<String, JsonObject>> byObject = new ConcurrentHashMap<>();
    private long nextId = 1;

    Map<String, JsonObject> of(String object) {
        return byObject.computeIfAbsent(object, o -> new ConcurrentHashMap<>());
    }

    StandIn.Answer get(String object, String value, List<String> fields) {
        JsonObject found = of(object).get(value);
        if (found == null) {
            return SalesforceShapes.error(404, "NOT_FOUND", "The requested resource does not exist");
        }
        JsonObjectBuilder record = JSON.createObjectBuilder().add("attributes", JSON.createObjectBuilder().add("type", object)
                .add("url", DATA + "/sobjects/" + object + "/" + found.getString("Id")));
        fields.forEach(f -> record.add(f, found.containsKey(f) ? found.get(f) : JsonValue.NULL));
        return StandIn.Answer.ok(record.build().toString());
    }

    StandIn.Answer upsert(String object, String value, JsonObject body, boolean updateOnly) {
        String field = EXTERNAL_ID.get(object);
        Map<String, JsonObject> table = of(object);
        JsonObject existing = table.get(value);
        if (existing == null && updateOnly) {
            return SalesforceShapes.error(404, "NOT_FOUND", "The requested resource does not exist");
        }
        List<String> missing = existing != null ? List.of()
                : REQUIRED.get(object).stream().filter(f -> !(body.get(f) instanceof JsonString)).toList();
        if (!missing.isEmpty()) {
            return SalesforceShapes.error(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
        }
        if (body.containsKey("Id")) {
            return SalesforceShapes.error(400, "INVALID_FIELD", "Unable to create/update fields: Id", List.of("Id"));
        }
        if (body.get(field) instanceof JsonString unique && !unique.getString().equals(value)
                && table.containsKey(unique.getString())) { // an External ID field marked Unique
            return SalesforceShapes.error(400, "DUPLICATE_VALUE", "duplicate value found: " + field
                    + " duplicates value on record with id: " + table.get(unique.getString()).getString("Id"), List.of(field));
        }
        for (var reference : REFERENCES.entrySet()) {
            if (body.get(reference.getKey()) instanceof JsonString id && of(reference.getValue()).values().stream()
                    .noneMatch(r -> r.getString("Id").equals(id.getString()))) {
                return SalesforceShapes.error(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                        List.of(reference.getKey()));
            }
        }
        String id = existing == null ? PREFIX.get(object) + String.format("%012dAAA", nextId++) : existing.getString("Id");
        JsonObjectBuilder merged = existing == null
                ? JSON.createObjectBuilder().add("Id", id).add(field, value) : JSON.createObjectBuilder(existing);
        body.forEach((k, v) -> {
            if (v == JsonValue.NULL) {
                merged.remove(k);
            } else {
                merged.add(k, v);
            }
        });
        table.put(value, merged.build());
        return new StandIn.Answer(existing == null ? 201 : 200, JSON.createObjectBuilder().add("id", id).add("success", true)
                .add("errors", JSON.createArrayBuilder()).add("created", existing == null).build().toString());
    }

    StandIn.Answer delete(String object, String value) {
        JsonObject existing = of(object).get(value);
        if (existing == null) {
            return SalesforceShapes.error(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + value);
        }
        if (object.equals("Contact") && of("Case").values().stream()
                .anyMatch(c -> existing.getString("Id").equals(c.getString("ContactId", null)))) {
            return SalesforceShapes.error(400, "DELETE_FAILED", "Your attempt to delete " + existing.getString("LastName", "")
                    + " could not be completed because it is associated with the following cases.");
        }
        of(object).remove(value);
        return new StandIn.Answer(204, "");
    }

    /** The one SOQL query the connector sends (the subject's Cases); null for any other. */
    StandIn.Answer query(String soql) {
        Matcher m = CASES_OF.matcher(soql);
        if (!m.matches()) {
            return null;
        }
        String subject = m.group(1).replace("\\'", "'").replace("\\\\", "\\");
        var found = JSON.createArrayBuilder();
        List<JsonObject> cases = of("Case").values().stream().filter(c -> subject.equals(c.getString(SUBJECT_FIELD, null))).toList();
        cases.forEach(c -> found.add(JSON.createObjectBuilder().add("attributes", JSON.createObjectBuilder().add("type", "Case")
                .add("url", DATA + "/sobjects/Case/" + c.getString("Id"))).add(CASE_FIELD, c.getString(CASE_FIELD))));
        return StandIn.Answer.ok(JSON.createObjectBuilder().add("totalSize", cases.size()).add("done", true)
                .add("records", found).build().toString());
    }
}
