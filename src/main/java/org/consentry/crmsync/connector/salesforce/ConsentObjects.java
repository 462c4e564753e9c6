package org.consentry.crmsync.connector.salesforce;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.platform.control.Settings;

/**
 * Salesforce's consent data model, for orgs that use it (salesforce.consent-objects=true; Data
 * Protection and Privacy enabled): a withdrawal becomes a ContactPointTypeConsent with
 * PrivacyConsentStatus OptOut, upserted by Consentry_Consent_Id__c (purpose:subject), whose party is
 * the Contact's Individual; a Contact without one gets an Individual that Consentry creates
 * (upserted by the subject's external id) and links. An erasure deletes what Consentry created there:
 * its consent records and its Individual, never an Individual the org made.
 */
final class ConsentObjects {

    static final String ENABLED = "salesforce.consent-objects";
    static final String CONTACT_POINT_TYPE = "salesforce.contact-point-type";
    static final String DATA_USE_PURPOSE = "salesforce.data-use-purpose-id";
    static final String CONSENT_ID = "Consentry_Consent_Id__c";
    private static final List<String> CONTACT_POINT_TYPES = List.of("Email", "MailingAddress", "Phone", "Social", "Web");

    private ConsentObjects() {
    }

    static boolean enabled(RecipientSettings recipient) {
        return recipient.property(ENABLED).filter(Boolean::parseBoolean).isPresent();
    }

    static void check(RecipientSettings recipient, Settings settings) {
        if (!CONTACT_POINT_TYPES.contains(recipient.property(CONTACT_POINT_TYPE).orElse("Email"))) {
            settings.problem(recipient.key(CONTACT_POINT_TYPE) + ": one of " + String.join(", ", CONTACT_POINT_TYPES));
        }
        if (recipient.property(DATA_USE_PURPOSE).filter(v -> !v.matches("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?")).isPresent()) {
            settings.problem(recipient.key(DATA_USE_PURPOSE) + ": not a record id (the DataUsePurpose's Id)");
        }
    }

    /** Records the withdrawal on the person's Individual; nothing when the person is not in Salesforce. */
    static void withdraw(SalesforceApi api, RecipientSettings recipient, String object, String field, CrmRecord record) {
        String subject = record.subjectId();
        JsonObject person = api.find(object, field, subject, "Id,LastName,IndividualId").orElse(null);
        if (person == null) {
            return;
        }
        String individual = person.get("IndividualId") instanceof JsonString id ? id.getString() : null;
        if (individual == null) {
            String lastName = person.get("LastName") instanceof JsonString name ? name.getString() : SalesforceFields.NO_NAME;
            individual = api.upsert("Individual", field, subject, JSON.createObjectBuilder().add("LastName", lastName).build());
            api.update(object, field, subject, JSON.createObjectBuilder().add("IndividualId", individual).build());
        }
        CrmRecord.Consent consent = record.consent();
        JsonObjectBuilder optOut = JSON.createObjectBuilder()
                .add("Name", "Consentry: " + consent.purpose())
                .add("PartyId", individual)
                .add("ContactPointType", recipient.property(CONTACT_POINT_TYPE).orElse("Email"))
                .add("CaptureContactPointType", "Web")
                .add("CaptureDate", consent.at().toString())
                .add("CaptureSource", "Consentry")
                .add("PrivacyConsentStatus", "OptOut")
                .add("EffectiveFrom", consent.at().toString());
        recipient.property(DATA_USE_PURPOSE).ifPresent(p -> optOut.add("DataUsePurposeId", p));
        api.upsert("ContactPointTypeConsent", CONSENT_ID, consentId(consent.purpose(), subject), optOut.build());
    }

    /** Deletes the consent records of every purpose the recipient serves, then Consentry's Individual. */
    static void erase(SalesforceApi api, RecipientSettings recipient, String field, String subject) {
        recipient.purposes().forEach(p -> api.delete("ContactPointTypeConsent", CONSENT_ID, consentId(p, subject)));
        api.delete("Individual", field, subject);
    }

    static String consentId(String purpose, String subject) {
        return purpose + ":" + subject;
    }
}
