package org.consentry.crmsync.connector.salesforce;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.consentry.crmsync.control.CrmConnector;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.platform.control.Settings;

/**
 * Salesforce through its REST API (sObject Rows by External ID, SOQL query), authenticated by the
 * OAuth 2.0 client-credentials flow of a connected app. Every write is an upsert on an external id,
 * so a repeated attempt updates what the first one created: the Contact (or Lead) by the subject id in
 * salesforce.external-id-field, a resolved case as a Case by its escalation id in
 * Consentry_Escalation_Id__c, linked to the Contact and carrying the subject id too. A withdrawal
 * stamps Consentry_Consent_Withdrawn__c on an existing Contact (and, where the org uses them, becomes
 * an opt-out in its consent objects: {@link ConsentObjects}); an erasure deletes the subject's Cases
 * that Consentry made, then the Contact (Salesforce refuses to delete a Contact that has Cases).
 */
@ApplicationScoped
public class SalesforceConnector implements CrmConnector {

    static final String CLIENT_ID = "salesforce.client-id";
    static final String OBJECT = "salesforce.object";
    static final String EXTERNAL_ID = "salesforce.external-id-field";
    static final String API_VERSION = "salesforce.api-version";
    static final String CASE_STATUS = "salesforce.case-status";
    static final String LEAD_COMPANY = "salesforce.lead-company";
    static final String DEFAULT_API_VERSION = "64.0";
    static final String CASE_ID = "Consentry_Escalation_Id__c";
    private static final int MAX_CASE_BATCHES = 10;

    private final AccessTokens tokens = new AccessTokens();

    @Override
    public String type() {
        return "salesforce";
    }

    @Override
    public void check(RecipientSettings recipient, Settings settings, boolean production) {
        if (recipient.property(CLIENT_ID).isEmpty()) {
            settings.problem(recipient.key(CLIENT_ID) + ": not set (the connected app's consumer key)");
        }
        if (!List.of("Contact", "Lead").contains(object(recipient))) {
            settings.problem(recipient.key(OBJECT) + ": must be Contact or Lead");
        }
        if (!externalId(recipient).matches("[A-Za-z][A-Za-z0-9_]{0,37}__c")) {
            settings.problem(recipient.key(EXTERNAL_ID) + ": not the API name of a custom field (Name__c)");
        }
        if (recipient.property(API_VERSION).filter(v -> !v.matches("\\d{2,3}\\.0")).isPresent()) {
            settings.problem(recipient.key(API_VERSION) + ": not an API version such as " + DEFAULT_API_VERSION);
        }
        if (ConsentObjects.enabled(recipient)) {
            ConsentObjects.check(recipient, settings);
        }
    }

    @Override
    public DeliveryResult send(RecipientSettings recipient, CrmRecord record) {
        SalesforceApi api = new SalesforceApi(recipient, tokens);
        try {
            return switch (record.type()) {
                case CONTACT -> {
                    upsertPerson(api, recipient, record);
                    yield new DeliveryResult.Delivered("salesforce " + object(recipient) + " upserted");
                }
                case CASE -> {
                    upsertCase(api, recipient, record);
                    yield new DeliveryResult.Delivered("salesforce Case upserted");
                }
                case CONSENT -> withdraw(api, recipient, record);
                case ERASURE_COMPLETED -> new DeliveryResult.Delivered("salesforce: nothing to do (event buses only)");
                case ERASE -> {
                    erase(api, recipient, record.subjectId());
                    yield new DeliveryResult.Delivered("salesforce Cases and " + object(recipient) + " deleted");
                }
            };
        } catch (VendorHttp.Failed failed) {
            return failed.result();
        } catch (RuntimeException unexpected) { // an answer shaped in a way not foreseen: the class only, never a value
            return new DeliveryResult.Retry("salesforce: unexpected " + unexpected.getClass().getSimpleName());
        }
    }

    private static String upsertPerson(SalesforceApi api, RecipientSettings recipient, CrmRecord record) {
        String object = object(recipient);
        String company = object.equals("Lead") ? recipient.property(LEAD_COMPANY).orElse("(not shared)") : null;
        return api.upsert(object, externalId(recipient), record.subjectId(), SalesforceFields.person(record.contact(), company));
    }

    private static void upsertCase(SalesforceApi api, RecipientSettings recipient, CrmRecord record) {
        String personId = upsertPerson(api, recipient, record);
        String contactId = object(recipient).equals("Contact") ? personId : null; // a Case has no lookup to a Lead
        JsonObject fields = SalesforceFields.resolvedCase(record.crmCase(), externalId(recipient), record.subjectId(),
                contactId, recipient.property(CASE_STATUS).orElse("Closed"));
        api.upsert("Case", CASE_ID, record.crmCase().escalationId(), fields);
    }

    private static DeliveryResult withdraw(SalesforceApi api, RecipientSettings recipient, CrmRecord record) {
        if (record.consent().granted()) {
            return new DeliveryResult.Delivered("salesforce: a granted consent has nothing to mirror");
        }
        JsonObject withdrawn = JSON.createObjectBuilder()
                .add(SalesforceFields.WITHDRAWN, record.consent().at().toString()).build();
        boolean found = api.update(object(recipient), externalId(recipient), record.subjectId(), withdrawn);
        if (found && ConsentObjects.enabled(recipient)) {
            ConsentObjects.withdraw(api, recipient, object(recipient), externalId(recipient), record);
        }
        return new DeliveryResult.Delivered(found ? "salesforce withdrawal mirrored"
                : "salesforce: no " + object(recipient) + " to mirror the withdrawal to");
    }

    /** Cases first (a Contact with Cases cannot be deleted), each by its external id; then the person. */
    private static void erase(SalesforceApi api, RecipientSettings recipient, String subjectId) {
        String soql = "SELECT " + CASE_ID + " FROM Case WHERE " + externalId(recipient) + " = "
                + SalesforceApi.literal(subjectId) + " AND " + CASE_ID + " != null";
        for (int batch = 0; batch < MAX_CASE_BATCHES; batch++) {
            List<JsonObject> cases = api.query(soql);
            if (cases.isEmpty()) {
                if (ConsentObjects.enabled(recipient)) {
                    ConsentObjects.erase(api, recipient, externalId(recipient), subjectId);
                }
                api.delete(object(recipient), externalId(recipient), subjectId);
                return;
            }
            cases.stream().map(c -> c.get(CASE_ID)).filter(JsonString.class::isInstance)
                    .forEach(id -> api.delete("Case", CASE_ID, ((JsonString) id).getString()));
        }
        throw new VendorHttp.Failed(new DeliveryResult.Retry("salesforce: Cases still listed after " + MAX_CASE_BATCHES
                + " rounds of deletion"));
    }

    private static String object(RecipientSettings recipient) {
        return recipient.property(OBJECT).orElse("Contact");
    }

    private static String externalId(RecipientSettings recipient) {
        return recipient.property(EXTERNAL_ID).orElse("Consentry_Subject_Id__c");
    }
}
