package org.consentry.crmsync.connector.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.platform.control.Settings;
import org.consentry.testing.StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector alone against the contract-checking fake org: each record type, and each way a call fails. */
class SalesforceConnectorTest {

    static final String SECRET = "fake-consumer-secret";
    final FakeSalesforce fake = new FakeSalesforce(SECRET);
    final StandIn salesforce = new StandIn().answering(fake).up();
    final SalesforceConnector connector = new SalesforceConnector();
    final Map<String, String> config = new java.util.HashMap<>(Map.of(
            "consentry.crm.recipient.sf.salesforce.client-id", FakeSalesforce.CLIENT_ID));
    final RecipientSettings recipient = new RecipientSettings("sf", "salesforce", "consentry.crm.recipient.sf.",
            Optional.of(URI.create(salesforce.url("/"))), Optional.of(SECRET), Optional.empty(), List.of("crm-sync"), Map.of(),
            key -> Optional.ofNullable(config.get(key)));

    @AfterEach
    void down() {
        salesforce.down();
        assertEquals(List.of(), fake.contract.violations(), "every call as Salesforce documents it");
        assertEquals(List.of(), fake.problems);
    }

    static CrmRecord contact(String subject, Map<String, String> fields) {
        return new CrmRecord(CrmRecord.Type.CONTACT, "d-1", subject, "ref", fields, null, null, null, Instant.now());
    }

    static CrmRecord resolved(String subject, String escalation) {
        var c = new CrmRecord.CrmCase(escalation, "conv-1", "pl", "Double charge", "agent1", Instant.parse("2026-11-29T10:00:00Z"),
                Instant.parse("2026-11-29T10:20:00Z"), List.of(new CrmRecord.Line("CUSTOMER", Instant.parse("2026-11-29T10:00:00Z"),
                "card **** 1111 charged twice")));
        return new CrmRecord(CrmRecord.Type.CASE, "d-2", subject, "ref", Map.of("name", "Jan Kowalski"), c, null, null, Instant.now());
    }

    @Test
    void aContactAndItsCaseAreUpsertedByExternalIdsWithTokensOutOfTheStandardFields() {
        var fields = Map.of("name", "Anna Maria Nowak", "email", "anna@example.pl", "phone", "tok_0123456789abcdef0123456789abcdef");
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, contact("cust-1", fields)));
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, contact("cust-1", fields)), "a repeat updates");
        JsonObject person = fake.record("Contact", "cust-1");
        assertEquals("Anna Maria", person.getString("FirstName"));
        assertEquals("Nowak", person.getString("LastName"));
        assertEquals("anna@example.pl", person.getString("Email"));
        assertFalse(person.containsKey("Phone"));
        assertEquals("{\"phone\":\"tok_0123456789abcdef0123456789abcdef\"}", person.getString("Consentry_Tokens__c"));
        assertEquals(1, fake.records.of("Contact").size());

        String escalation = "0b6f3c0e-1f7e-4a54-9d59-5c0d6f7c1a11";
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, resolved("cust-1", escalation)));
        JsonObject kase = fake.record("Case", escalation);
        assertEquals(person.getString("Id"), kase.getString("ContactId"));
        assertEquals("cust-1", kase.getString("Consentry_Subject_Id__c"));
        assertEquals("Chat escalation: Double charge", kase.getString("Subject"));
        assertTrue(kase.getString("Description").contains("CUSTOMER - card **** 1111 charged twice"), kase.getString("Description"));
        assertEquals("Closed", kase.getString("Status"));
        assertEquals(1, fake.count("POST token"), "one token for all of it");
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallRepeatedOnce() {
        connector.send(recipient, contact("cust-2", Map.of("name", "Jan Kowalski")));
        fake.expireSessions();
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, contact("cust-2", Map.of("email", "jan@example.pl"))));
        assertEquals(2, fake.count("POST token"));
        assertEquals(3, fake.count("PATCH Contact"));
        assertEquals("jan@example.pl", fake.record("Contact", "cust-2").getString("Email"));

        fake.plan("PATCH Contact", SalesforceShapes.error(401, "INVALID_SESSION_ID", "Session expired or invalid"));
        fake.plan("PATCH Contact", SalesforceShapes.error(401, "INVALID_SESSION_ID", "Session expired or invalid"));
        DeliveryResult twice = connector.send(recipient, contact("cust-2", Map.of()));
        assertInstanceOf(DeliveryResult.Rejected.class, twice, "refreshed once, not in a loop");
        assertEquals("salesforce PATCH /services/data/v64.0/sobjects/Contact/Consentry_Subject_Id__c/{value} answered 401"
                + " INVALID_SESSION_ID", twice.what());
    }

    @Test
    void limitsAndOutagesAreRetriesRequiredFieldsAndWrongClientsRejections() {
        fake.plan("PATCH Contact", SalesforceShapes.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
        DeliveryResult limited = connector.send(recipient, contact("cust-3", Map.of("name", "Jan Kowalski")));
        assertInstanceOf(DeliveryResult.Retry.class, limited, limited.toString());
        assertTrue(limited.what().endsWith("answered 403 REQUEST_LIMIT_EXCEEDED"), limited.what());

        fake.plan("PATCH Contact", new StandIn.Answer(503, "[{\"message\":\"down\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]",
                Map.of("Retry-After", "7")));
        var unavailable = assertInstanceOf(DeliveryResult.Retry.class, connector.send(recipient, contact("cust-3", Map.of())));
        assertEquals(Duration.ofSeconds(7), unavailable.after());

        fake.plan("PATCH Contact", new StandIn.Answer(200, "<html>maintenance</html>"));
        DeliveryResult garbage = connector.send(recipient, contact("cust-3", Map.of()));
        assertInstanceOf(DeliveryResult.Retry.class, garbage);
        assertTrue(garbage.what().contains("not a JSON object"), garbage.what());

        fake.plan("PATCH Contact", SalesforceShapes.error(400, "DUPLICATE_VALUE",
                "duplicate value found: Consentry_Subject_Id__c duplicates value on record with id: 003000000000001AAA"));
        DeliveryResult duplicate = connector.send(recipient, contact("cust-3", Map.of()));
        assertEquals("salesforce PATCH /services/data/v64.0/sobjects/Contact/Consentry_Subject_Id__c/{value} answered 400"
                + " DUPLICATE_VALUE", assertInstanceOf(DeliveryResult.Rejected.class, duplicate).what(), "no record id, no value");

        config.put("consentry.crm.recipient.sf.salesforce.object", "Lead");
        fake.plan("PATCH Lead", SalesforceShapes.error(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Company]"));
        DeliveryResult missing = connector.send(recipient, contact("cust-3", Map.of()));
        assertInstanceOf(DeliveryResult.Rejected.class, missing);
        assertTrue(missing.what().endsWith("400 REQUIRED_FIELD_MISSING"), missing.what());
        assertFalse(missing.what().contains("cust-3"), "no subject id in a reason");
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, contact("cust-3", Map.of())));
        assertEquals("(not shared)", fake.record("Lead", "cust-3").getString("Company"));

        fake.expireSessions();
        fake.clientSecret = "rotated";
        DeliveryResult wrongClient = connector.send(recipient, contact("cust-3", Map.of()));
        assertInstanceOf(DeliveryResult.Rejected.class, wrongClient);
        assertEquals("salesforce POST /services/oauth2/token answered 400 invalid_client", wrongClient.what());
    }

    @Test
    void aWithdrawalStampsTheContactAndAnErasureDeletesCasesThenTheContact() {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        CrmRecord withdrawal = new CrmRecord(CrmRecord.Type.CONSENT, "d-3", "cust-4", "ref", Map.of(), null, null,
                new CrmRecord.Consent("crm-sync", false, at), at);
        assertEquals("salesforce: no Contact to mirror the withdrawal to", connector.send(recipient, withdrawal).what());
        assertTrue(fake.records.of("Contact").isEmpty(), "a withdrawal creates nobody");
        connector.send(recipient, resolved("cust-4", "e-1"));
        connector.send(recipient, resolved("cust-4", "e-2"));
        connector.send(recipient, resolved("cust-5", "e-3"));
        assertEquals("salesforce withdrawal mirrored", connector.send(recipient, withdrawal).what());
        assertEquals(at.toString(), fake.record("Contact", "cust-4").getString("Consentry_Consent_Withdrawn__c"));

        CrmRecord erase = new CrmRecord(CrmRecord.Type.ERASE, "d-4", "cust-4", "ref", Map.of(), null, "er-1", null, at);
        fake.plan("DELETE Contact", new StandIn.Answer(503, "[{\"message\":\"down\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]"));
        assertInstanceOf(DeliveryResult.Retry.class, connector.send(recipient, erase));
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, erase), "the repeat finds the cases gone");
        assertNull(fake.record("Contact", "cust-4"));
        assertEquals(List.of("e-3"), new ArrayList<>(fake.records.of("Case").keySet()), "another subject's case stays");
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, erase), "already gone is erased");
    }

    @Test
    void whereTheOrgUsesConsentObjectsAWithdrawalIsAnOptOutOfTheContactsIndividualAndAnErasureDeletesThem() {
        config.put("consentry.crm.recipient.sf.salesforce.consent-objects", "true");
        Instant at = Instant.parse("2026-12-02T09:30:00Z");
        CrmRecord withdrawal = new CrmRecord(CrmRecord.Type.CONSENT, "d-5", "cust-6", "ref", Map.of(), null, null,
                new CrmRecord.Consent("crm-sync", false, at), at);
        connector.send(recipient, contact("cust-6", Map.of("name", "Ewa Zielińska")));
        assertEquals("salesforce withdrawal mirrored", connector.send(recipient, withdrawal).what());
        assertEquals("salesforce withdrawal mirrored", connector.send(recipient, withdrawal).what(), "a repeat changes nothing");
        JsonObject individual = fake.record("Individual", "cust-6");
        assertEquals("Zielińska", individual.getString("LastName"));
        assertEquals(individual.getString("Id"), fake.record("Contact", "cust-6").getString("IndividualId"));
        JsonObject optOut = fake.record("ContactPointTypeConsent", "crm-sync:cust-6");
        assertEquals("OptOut", optOut.getString("PrivacyConsentStatus"));
        assertEquals(individual.getString("Id"), optOut.getString("PartyId"));
        assertEquals("Email", optOut.getString("ContactPointType"));
        assertEquals(at.toString(), optOut.getString("CaptureDate"));
        assertEquals(1, fake.records.of("Individual").size());
        assertEquals(1, fake.records.of("ContactPointTypeConsent").size());

        CrmRecord erase = new CrmRecord(CrmRecord.Type.ERASE, "d-6", "cust-6", "ref", Map.of(), null, "er-2", null, at);
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, erase));
        assertTrue(fake.records.of("ContactPointTypeConsent").isEmpty());
        assertTrue(fake.records.of("Individual").isEmpty());
        assertNull(fake.record("Contact", "cust-6"));
    }

    @Test
    void startUpRefusesAMissingClientIdAnUnknownObjectAndAnUnknownContactPointType() {
        config.remove("consentry.crm.recipient.sf.salesforce.client-id");
        config.put("consentry.crm.recipient.sf.salesforce.object", "Account");
        config.put("consentry.crm.recipient.sf.salesforce.consent-objects", "true");
        config.put("consentry.crm.recipient.sf.salesforce.contact-point-type", "Fax");
        Settings settings = new Settings(k -> Optional.empty());
        connector.check(recipient, settings, true);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> settings.verify("CRM recipients"));
        assertTrue(refused.getMessage().contains("consentry.crm.recipient.sf.salesforce.client-id: not set"), refused.getMessage());
        assertTrue(refused.getMessage().contains("consentry.crm.recipient.sf.salesforce.object: must be Contact or Lead"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("consentry.crm.recipient.sf.salesforce.contact-point-type: one of Email,"),
                refused.getMessage());
    }
}
