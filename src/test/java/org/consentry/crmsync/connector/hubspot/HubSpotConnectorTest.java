package org.consentry.crmsync.connector.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.crmsync.entity.FieldRule;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.testing.StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector against the fake HubSpot, without a server: each record type, repeated, and HubSpot's refusals. */
class HubSpotConnectorTest {

    final FakeHubSpot fake = new FakeHubSpot();
    final StandIn hubspot = new StandIn().answering(fake).up();
    final HubSpotConnector connector = new HubSpotConnector();
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @AfterEach
    void down() {
        hubspot.down();
        assertEquals(List.of(), fake.violations(), "every call as HubSpot's contract describes it");
    }

    RecipientSettings recipient(String token) {
        return new RecipientSettings("hs", "hubspot", "consentry.crm.recipient.hs.", Optional.of(URI.create(hubspot.url(""))),
                Optional.of(token), Optional.empty(), List.of("crm-sync"), Map.of("contact.email", FieldRule.CLEAR), k -> Optional.empty());
    }

    static CrmRecord contact(String subject, Map<String, String> fields) {
        return new CrmRecord(CrmRecord.Type.CONTACT, "d-" + subject, subject, "ref", fields, null, null, null, AT);
    }

    static CrmRecord crmCase(String subject, String escalation) {
        var c = new CrmRecord.CrmCase(escalation, "conv-1", "pl", "Card charged twice", "agent1", AT, AT.plusSeconds(600),
                List.of(new CrmRecord.Line("CUSTOMER", AT, "karta **** 1111 <b>")));
        return new CrmRecord(CrmRecord.Type.CASE, "c-" + escalation, subject, "ref", Map.of("email", "a@example.pl"), c, null, null, AT);
    }

    static CrmRecord withdrawal(String subject) {
        return new CrmRecord(CrmRecord.Type.CONSENT, "w-" + subject, subject, "ref", Map.of(), null, null,
                new CrmRecord.Consent("crm-sync", false, AT), AT);
    }

    static CrmRecord erase(String subject) {
        return new CrmRecord(CrmRecord.Type.ERASE, "e-" + subject, subject, "ref", Map.of(), null, "er-1", null, AT);
    }

    DeliveryResult send(CrmRecord record) {
        return connector.send(recipient(FakeHubSpot.TOKEN), record);
    }

    @Test
    void aContactSentTwiceIsOneContactWithClearFieldsInHubSpotsPropertiesAndTokensInTheCustomOne() {
        var fields = Map.of("name", "Anna Maria Nowak", "email", "anna@example.pl", "phone", "tok_abc");
        assertInstanceOf(DeliveryResult.Delivered.class, send(contact("cust-1", fields)));
        assertInstanceOf(DeliveryResult.Delivered.class, send(contact("cust-1", fields)));
        assertEquals(1, fake.crm.contacts.size());
        Map<String, String> c = fake.crm.contacts.values().iterator().next();
        assertEquals("cust-1", c.get("consentry_subject_id"));
        assertEquals("Anna", c.get("firstname"));
        assertEquals("Maria Nowak", c.get("lastname"));
        assertEquals("anna@example.pl", c.get("email"));
        assertFalse(c.containsKey("phone"), "a token is not put where HubSpot wants a phone number");
        assertEquals("{\"phone\":\"tok_abc\"}", c.get("consentry_tokens"));
        assertEquals("granted", c.get("consentry_crm_sync_consent"));
    }

    @Test
    void aCaseIsOneNoteOnItsContactEvenWhenTheAnswerToItsCreationWasLost() {
        fake.garbageOnce.add("POST /crm/v3/objects/notes");
        DeliveryResult first = send(crmCase("cust-2", "esc-1"));
        assertInstanceOf(DeliveryResult.Retry.class, first, first::toString);
        assertEquals(new DeliveryResult.Delivered("hubspot case note was there"), send(crmCase("cust-2", "esc-1")));
        assertEquals(1, fake.crm.notes.size());
        String body = fake.crm.notes.values().iterator().next().get("hs_note_body");
        assertTrue(body.startsWith("<p>[consentry case esc-1]</p>"), body);
        assertTrue(body.contains("karta **** 1111 &lt;b&gt;"), body);
        assertEquals(Map.of(fake.crm.notes.keySet().iterator().next(), java.util.Set.copyOf(fake.crm.contacts.keySet())),
                Map.copyOf(fake.crm.noteContacts));
        assertEquals(new DeliveryResult.Delivered("hubspot case note created"), send(crmCase("cust-2", "esc-2")));
    }

    @Test
    void anErasureArchivesTheCaseNotesAndGdprDeletesTheContactOnceAndAgainIsDone() {
        send(crmCase("cust-3", "esc-3"));
        fake.failOnce.add("POST /crm/v3/objects/contacts/gdpr-delete");
        assertInstanceOf(DeliveryResult.Retry.class, send(erase("cust-3")));
        assertInstanceOf(DeliveryResult.Delivered.class, send(erase("cust-3")));
        assertEquals(Map.of(), fake.crm.contacts);
        assertEquals(List.of(), fake.crm.liveNotes());
        assertEquals(List.of("cust-3"), fake.crm.gdprDeleted);
        assertEquals(new DeliveryResult.Delivered("hubspot: no contact (already erased or never synced)"), send(erase("cust-3")));
    }

    @Test
    void aWithdrawalMarksTheContactAndOneOfAnUnknownSubjectIsDone() {
        send(contact("cust-4", Map.of("email", "w@example.pl")));
        assertInstanceOf(DeliveryResult.Delivered.class, send(withdrawal("cust-4")));
        assertEquals("withdrawn", fake.crm.contacts.values().iterator().next().get("consentry_crm_sync_consent"));
        assertEquals(new DeliveryResult.Delivered("hubspot: no contact to mark withdrawn"), send(withdrawal("nobody")));
    }

    @Test
    void a429WaitsAsHubSpotsRateLimitHeadersSay() {
        fake.rateLimit(1);
        DeliveryResult result = send(contact("cust-5", Map.of()));
        assertEquals(new DeliveryResult.Retry("hubspot POST /crm/v3/objects/contacts/batch/upsert answered 429",
                Duration.ofSeconds(10)), result);
    }

    @Test
    void aWrongTokenIsARejectionNamingNoPersonalData() {
        DeliveryResult result = connector.send(recipient("pat-wrong"), contact("cust-6", Map.of("email", "x@example.pl")));
        assertEquals(new DeliveryResult.Rejected("hubspot POST /crm/v3/objects/contacts/batch/upsert answered 401"), result);
    }

    @Test
    void anAnswerThatIsNotJsonIsARetry() {
        fake.garbageOnce.add("POST /crm/v3/objects/contacts/batch/upsert");
        DeliveryResult result = send(contact("cust-7", Map.of()));
        assertInstanceOf(DeliveryResult.Retry.class, result);
        assertFalse(result.what().contains("cust-7"));
    }

    @Test
    void twoSubjectsWithOneEmailConflictAsInHubSpot() {
        send(contact("cust-8", Map.of("email", "same@example.pl")));
        assertEquals(new DeliveryResult.Rejected("hubspot POST /crm/v3/objects/contacts/batch/upsert answered 409"),
                send(contact("cust-9", Map.of("email", "same@example.pl"))));
    }
}
