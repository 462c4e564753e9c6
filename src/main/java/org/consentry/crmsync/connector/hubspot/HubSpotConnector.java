package org.consentry.crmsync.connector.hubspot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.consentry.crmsync.control.CrmConnector;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.platform.control.Settings;

/**
 * HubSpot's CRM v3 (developers.hubspot.com, contracts in src/test/resources/contracts/hubspot). A contact
 * is upserted on a custom unique property holding the subject id (hubspot.id-property, default
 * consentry_subject_id), so a repeated attempt updates the same contact; a resolved case becomes a note
 * associated with it, found again by its marker before one is created; an erasure archives those notes
 * and then GDPR-deletes the contact (gone already: delivered); a withdrawal sets the custom enumeration
 * property consentry_&lt;purpose&gt;_consent to withdrawn (HubSpot's subscription preferences are keyed by a
 * clear e-mail address and cover e-mail only, so they cannot carry a purpose's consent). The recipient's
 * secret is a private app's access token, sent as a Bearer token.
 */
@ApplicationScoped
public class HubSpotConnector implements CrmConnector {

    static final String CONTACTS = "/crm/v3/objects/contacts";
    static final String CONTACT = CONTACTS + "/{contactId}";
    static final String ID_PROPERTY = "consentry_subject_id";
    static final String TOKENS_PROPERTY = "consentry_tokens";
    /** HubSpot's own note-to-contact association type. */
    static final int NOTE_TO_CONTACT = 202;
    /** The purpose contacts and cases are sent for (they leave only while it is granted). */
    static final String SYNC_PURPOSE = "crm-sync";
    static final String GRANTED = "granted";
    static final String WITHDRAWN = "withdrawn";
    private static final String PROPERTY_NAME = "[a-z][a-z0-9_]{0,99}";

    @Override
    public String type() {
        return "hubspot";
    }

    @Override
    public void check(RecipientSettings recipient, Settings settings, boolean production) {
        for (String key : List.of("hubspot.id-property", "hubspot.tokens-property")) {
            recipient.property(key).filter(v -> !v.matches(PROPERTY_NAME)).ifPresent(v -> settings.problem(recipient.key(key)
                    + ": not a HubSpot property name (lower-case letters, digits and _, starting with a letter)"));
        }
        recipient.property("hubspot.note-association-type").filter(v -> !v.matches("[1-9]\\d{0,8}"))
                .ifPresent(v -> settings.problem(recipient.key("hubspot.note-association-type")
                        + ": not a HubSpot association type id (a positive number; 202 is note to contact)"));
    }

    @Override
    public DeliveryResult send(RecipientSettings recipient, CrmRecord record) {
        if (recipient.secret().isEmpty() || recipient.url().isEmpty()) {
            return new DeliveryResult.Rejected(recipient.key("secret") + " or " + recipient.key("url") + " is not set");
        }
        HubSpotApi api = new HubSpotApi(recipient.requireUrl(), recipient.secret().get());
        String idProperty = recipient.property("hubspot.id-property").orElse(ID_PROPERTY);
        try {
            return switch (record.type()) {
                case CONTACT -> {
                    upsert(api, recipient, idProperty, record);
                    yield new DeliveryResult.Delivered("hubspot contact upserted");
                }
                case CASE -> {
                    String contactId = upsert(api, recipient, idProperty, record);
                    int type = recipient.property("hubspot.note-association-type").map(Integer::parseInt).orElse(NOTE_TO_CONTACT);
                    boolean created = HubSpotNotes.ensure(api, contactId, notesOf(api, contactId, null), record.crmCase(), type);
                    yield new DeliveryResult.Delivered(created ? "hubspot case note created" : "hubspot case note was there");
                }
                case ERASE -> erase(api, idProperty, record.subjectId());
                case CONSENT -> consent(api, idProperty, record);
                case ERASURE_COMPLETED -> new DeliveryResult.Delivered("hubspot: nothing to do (event buses only)");
            };
        } catch (VendorHttp.Failed failed) {
            return failed.result();
        } catch (ClassCastException | NullPointerException | NumberFormatException | IndexOutOfBoundsException e) {
            return new DeliveryResult.Retry("hubspot answered " + record.type().name().toLowerCase(Locale.ROOT)
                    + " with a body not shaped as documented (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Creates or updates the subject's contact by its unique property; HubSpot's id of it. */
    private static String upsert(HubSpotApi api, RecipientSettings recipient, String idProperty, CrmRecord record) {
        JsonObject properties = JSON.createObjectBuilder(HubSpotContact.properties(record.contact(),
                        recipient.property("hubspot.tokens-property").orElse(TOKENS_PROPERTY)))
                .add(consentProperty(SYNC_PURPOSE), GRANTED).build();
        JsonObject answer = api.post(CONTACTS + "/batch/upsert", JSON.createObjectBuilder()
                .add("inputs", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("idProperty", idProperty)
                        .add("id", record.subjectId())
                        .add("properties", properties)))
                .build());
        if (answer == null || answer.containsKey("errors") || answer.getJsonArray("results").size() != 1) {
            throw new VendorHttp.Failed(new DeliveryResult.Rejected("hubspot POST " + CONTACTS
                    + "/batch/upsert answered without the upserted contact (errors: see HubSpot's log)"));
        }
        return answer.getJsonArray("results").getJsonObject(0).getString("id");
    }

    /** The ids of the notes associated with the contact (HubSpot id, or the subject id with idProperty). */
    private static List<String> notesOf(HubSpotApi api, String contact, String idProperty) {
        JsonObject found = read(api, contact, idProperty);
        if (found == null) {
            throw new VendorHttp.Failed(new DeliveryResult.Retry("hubspot GET " + CONTACT + " answered 404 for the contact just upserted"));
        }
        return noteIds(found);
    }

    private static JsonObject read(HubSpotApi api, String contact, String idProperty) {
        String query = "?associations=notes" + (idProperty == null ? "" : "&idProperty=" + HubSpotApi.encoded(idProperty));
        return api.getUnlessMissing(CONTACTS + "/" + HubSpotApi.encoded(contact) + query, CONTACT);
    }

    private static List<String> noteIds(JsonObject contact) {
        JsonObject associations = contact.getJsonObject("associations");
        if (associations == null || !associations.containsKey("notes")) {
            return List.of();
        }
        return associations.getJsonObject("notes").getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("id")).distinct().toList();
    }

    /** Archives Consentry's notes on the contact, then deletes the contact the GDPR way; already gone is done. */
    private static DeliveryResult erase(HubSpotApi api, String idProperty, String subjectId) {
        JsonObject contact = read(api, subjectId, idProperty);
        if (contact == null) {
            return new DeliveryResult.Delivered("hubspot: no contact (already erased or never synced)");
        }
        int notes = HubSpotNotes.archiveOurs(api, noteIds(contact));
        api.postUnlessMissing(CONTACTS + "/gdpr-delete", JSON.createObjectBuilder()
                .add("objectId", subjectId).add("idProperty", idProperty).build());
        return new DeliveryResult.Delivered("hubspot contact GDPR-deleted, " + notes + " case note(s) archived");
    }

    /** A withdrawal marks the contact; a grant has nothing to mirror (contacts leave only while it holds). */
    private static DeliveryResult consent(HubSpotApi api, String idProperty, CrmRecord record) {
        if (record.consent().granted()) {
            return new DeliveryResult.Delivered("hubspot: a grant has nothing to mirror");
        }
        String property = consentProperty(record.consent().purpose());
        JsonObject updated = api.patchUnlessMissing(CONTACTS + "/" + HubSpotApi.encoded(record.subjectId()) + "?idProperty="
                + HubSpotApi.encoded(idProperty), CONTACT, JSON.createObjectBuilder()
                .add("properties", JSON.createObjectBuilder().add(property, WITHDRAWN)).build());
        return new DeliveryResult.Delivered(updated == null ? "hubspot: no contact to mark withdrawn"
                : "hubspot contact marked " + property + "=" + WITHDRAWN);
    }

    /** consentry_crm_sync_consent for crm-sync: a custom enumeration property (granted, withdrawn) per purpose. */
    static String consentProperty(String purpose) {
        return "consentry_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_consent";
    }
}
