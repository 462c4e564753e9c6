package org.consentry.crmsync.connector.hubspot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.consentry.crmsync.entity.CrmRecord;

/**
 * A resolved case as a HubSpot note associated with its contact. HubSpot knows no idempotency key, and
 * its search index lags behind writes by seconds, so a repeated attempt finds an earlier attempt's note
 * through the contact's associations (read from the record, not the index): a note whose body holds
 * the case's marker line. On erasure those notes are archived before the contact is GDPR-deleted,
 * because HubSpot's GDPR delete removes the contact and its associations, not the notes themselves.
 */
final class HubSpotNotes {

    static final String NOTES = "/crm/v3/objects/notes";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** Batch endpoints take at most 100 inputs. */
    private static final int BATCH = 100;

    private HubSpotNotes() {
    }

    /** What starts every note Consentry writes. */
    static final String OURS = "[consentry case ";

    static String marker(String escalationId) {
        return OURS + escalationId + "]";
    }

    /** Creates the case's note unless one of {@code noteIds} (the contact's notes) is it already. */
    static boolean ensure(HubSpotApi api, String contactId, List<String> noteIds, CrmRecord.CrmCase crmCase,
                          int associationTypeId) {
        String marker = marker(crmCase.escalationId());
        if (!ours(api, noteIds, marker).isEmpty()) {
            return false;
        }
        api.post(NOTES, JSON.createObjectBuilder()
                .add("properties", JSON.createObjectBuilder()
                        .add("hs_timestamp", crmCase.resolvedAt().toString())
                        .add("hs_note_body", body(marker, crmCase)))
                .add("associations", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("to", JSON.createObjectBuilder().add("id", contactId))
                        .add("types", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                                .add("associationCategory", "HUBSPOT_DEFINED")
                                .add("associationTypeId", associationTypeId)))))
                .build());
        return true;
    }

    /** Archives the notes among {@code noteIds} that Consentry wrote (any case); how many. */
    static int archiveOurs(HubSpotApi api, List<String> noteIds) {
        List<String> ours = ours(api, noteIds, OURS);
        for (int i = 0; i < ours.size(); i += BATCH) {
            api.post(NOTES + "/batch/archive", JSON.createObjectBuilder()
                    .add("inputs", ids(ours.subList(i, Math.min(ours.size(), i + BATCH)))).build());
        }
        return ours.size();
    }

    /** The ids of the notes whose body holds {@code text}. */
    private static List<String> ours(HubSpotApi api, List<String> noteIds, String text) {
        List<String> found = new java.util.ArrayList<>();
        for (int i = 0; i < noteIds.size(); i += BATCH) {
            JsonObject read = api.post(NOTES + "/batch/read", JSON.createObjectBuilder()
                    .add("inputs", ids(noteIds.subList(i, Math.min(noteIds.size(), i + BATCH))))
                    .add("properties", JSON.createArrayBuilder().add("hs_note_body"))
                    .add("propertiesWithHistory", JsonValue.EMPTY_JSON_ARRAY).build());
            read.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                    .filter(n -> n.getJsonObject("properties").getString("hs_note_body", "").contains(text))
                    .forEach(n -> found.add(n.getString("id")));
        }
        return found;
    }

    private static JsonArrayBuilder ids(List<String> ids) {
        JsonArrayBuilder inputs = JSON.createArrayBuilder();
        ids.forEach(id -> inputs.add(JSON.createObjectBuilder().add("id", id)));
        return inputs;
    }

    /** The note as HubSpot shows it (hs_note_body is rich text): the marker, who resolved it when and why, the redacted transcript. */
    static String body(String marker, CrmRecord.CrmCase c) {
        StringBuilder note = new StringBuilder("<p>").append(marker).append("</p><p>Resolved ")
                .append(TIME.format(c.resolvedAt())).append(" UTC");
        if (c.agent() != null) {
            note.append(" by ").append(html(c.agent()));
        }
        if (c.reason() != null) {
            note.append(". Reason: ").append(html(c.reason()));
        }
        note.append("</p>");
        if (!c.transcript().isEmpty()) {
            note.append("<p>");
            c.transcript().forEach(l -> note.append(TIME.format(l.at())).append(' ').append(l.from()).append(": ")
                    .append(html(l.text())).append("<br>"));
            note.append("</p>");
        }
        return note.toString();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
