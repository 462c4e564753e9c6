package org.consentry.crmsync.connector.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.testing.StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against the contract-checking fake, without a server: each record type, each failure. */
class ChatwootConnectorTest {

    final FakeChatwoot fake = new FakeChatwoot();
    final StandIn chatwoot = new StandIn().answering(fake);
    final ChatwootConnector connector = new ChatwootConnector();
    final String subject = "cust-" + UUID.randomUUID();

    @BeforeEach
    void up() {
        chatwoot.up();
    }

    @AfterEach
    void down() {
        chatwoot.down();
        assertEquals(List.of(), fake.contract.violations(), "every request and answer as Chatwoot's contract says");
    }

    RecipientSettings recipient(String token, Map<String, String> own) {
        Map<String, String> keys = new java.util.HashMap<>(Map.of("consentry.crm.recipient.cw.chatwoot.account-id", "7",
                "consentry.crm.recipient.cw.chatwoot.inbox-id", "3"));
        own.forEach((k, v) -> keys.put("consentry.crm.recipient.cw." + k, v));
        return new RecipientSettings("cw", "chatwoot", "consentry.crm.recipient.cw.", Optional.of(URI.create(chatwoot.url(""))),
                Optional.of(token), Optional.empty(), List.of("crm-sync"), Map.of(), k -> Optional.ofNullable(keys.get(k)));
    }

    DeliveryResult send(CrmRecord record) {
        return connector.send(recipient(FakeChatwoot.TOKEN, Map.of()), record);
    }

    CrmRecord contact(Map<String, String> fields) {
        return new CrmRecord(CrmRecord.Type.CONTACT, UUID.randomUUID().toString(), subject, "ref", fields, null, null, null, Instant.now());
    }

    JsonObject mine() {
        return fake.account.contacts.values().stream().filter(c -> subject.equals(ChatwootAccount.text(c, "identifier")))
                .findFirst().orElseThrow(() -> new AssertionError("no contact " + fake.account.contacts));
    }

    @Test
    void aNationalNumberIsSentInE164AndATokenAmongTheAttributes() {
        DeliveryResult result = send(contact(Map.of("name", "Anna Nowak", "email", "Anna@Example.pl", "phone", "601 234 567")));
        assertInstanceOf(DeliveryResult.Delivered.class, result, result::what);
        assertEquals("+48601234567", mine().getString("phone_number"));
        assertEquals("anna@example.pl", mine().getString("email"));
        send(contact(Map.of("phone", "tok_abc")));
        assertEquals("tok_abc", mine().getJsonObject("additional_attributes").getJsonObject("consentry_tokens").getString("phone"));
        assertEquals(1, fake.account.contacts.size());
    }

    @Test
    void aNumberThatIsNoNumberIsLeftOutNotRefused() {
        DeliveryResult result = send(contact(Map.of("name", "Anna Nowak", "phone", "12")));
        assertInstanceOf(DeliveryResult.Delivered.class, result, result::what);
        assertTrue(result.what().contains("phone_number (not a valid number)"), result.what());
        assertFalse(mine().containsKey("phone_number"));
    }

    @Test
    void aWidgetContactWithTheSameEmailIsLinkedNotDuplicated() {
        long widget = fake.account.widgetContact("Anna", "anna@example.pl", "+48601234567");
        DeliveryResult result = send(contact(Map.of("name", "Anna Nowak", "email", "anna@example.pl", "phone", "+48 601 234 567")));
        assertInstanceOf(DeliveryResult.Delivered.class, result, result::what);
        assertEquals(widget, mine().getJsonNumber("id").longValue());
        assertEquals(1, fake.account.contacts.size());
    }

    @Test
    void aWidgetContactFoundByPhoneOnlyIsLinked() {
        long widget = fake.account.widgetContact("Anna", "other@example.pl", "+48601234567");
        DeliveryResult result = send(contact(Map.of("email", "tok_e", "phone", "601234567")));
        assertInstanceOf(DeliveryResult.Delivered.class, result, result::what);
        assertEquals(widget, mine().getJsonNumber("id").longValue());
    }

    @Test
    void aPhoneHeldByAnotherContactIsLeftOut() {
        fake.account.widgetContact("Someone", "someone@example.pl", "+48601234567");
        fake.account.widgetContact("Anna", "anna@example.pl", "+48601000000");
        DeliveryResult result = send(contact(Map.of("email", "anna@example.pl", "phone", "601234567")));
        assertInstanceOf(DeliveryResult.Delivered.class, result, result::what);
        assertTrue(result.what().contains("phone_number (refused by Chatwoot: taken by another contact or invalid)"), result.what());
        assertEquals("+48601000000", mine().getString("phone_number"));
    }

    @Test
    void aContactUnderAnotherIdentifierIsForAnAdmin() {
        long other = fake.account.widgetContact("Anna", "anna@example.pl", "+48601234567");
        fake.account.contacts.put(other, jakarta.json.Json.createObjectBuilder(fake.account.contacts.get(other))
                .add("identifier", "someone-else").build());
        DeliveryResult result = send(contact(Map.of("email", "anna@example.pl")));
        assertInstanceOf(DeliveryResult.Rejected.class, result, result::what);
        assertFalse(result.what().contains("anna"), result.what());
    }

    @Test
    void withdrawalAndErasureReachTheContact() {
        send(contact(Map.of("name", "Anna Nowak")));
        DeliveryResult withdrawn = send(new CrmRecord(CrmRecord.Type.CONSENT, "d", subject, "ref", Map.of(), null, null,
                new CrmRecord.Consent("crm-sync", false, Instant.parse("2026-12-07T05:00:00Z")), Instant.now()));
        assertInstanceOf(DeliveryResult.Delivered.class, withdrawn, withdrawn::what);
        assertEquals("withdrawn", mine().getJsonObject("custom_attributes").getString("consentry_crm_sync"));
        CrmRecord erase = new CrmRecord(CrmRecord.Type.ERASE, "e", subject, "ref", Map.of(), null, "req", null, Instant.now());
        fake.account.online.add(mine().getJsonNumber("id").longValue());
        assertInstanceOf(DeliveryResult.Retry.class, send(erase), "Chatwoot keeps an online contact");
        fake.account.online.clear();
        assertInstanceOf(DeliveryResult.Delivered.class, send(erase));
        assertTrue(fake.account.contacts.isEmpty());
        assertInstanceOf(DeliveryResult.Delivered.class, send(erase), "a second attempt finds nothing and is done");
    }

    @Test
    void failuresEndTheAttemptWithAReasonAndNeverThrow() {
        DeliveryResult unauthorized = connector.send(recipient("wrong", Map.of()), contact(Map.of("name", "A")));
        assertInstanceOf(DeliveryResult.Rejected.class, unauthorized, unauthorized::what);
        assertEquals("chatwoot GET /contacts/search answered 401", unauthorized.what());
        fake.next("GET /contacts/search", FakeChatwoot.tooManyRequests(7));
        DeliveryResult limited = send(contact(Map.of("name", "A")));
        assertEquals(Duration.ofSeconds(7), assertInstanceOf(DeliveryResult.Retry.class, limited).after());
        fake.next("GET /contacts/search", FakeChatwoot.garbage());
        assertInstanceOf(DeliveryResult.Retry.class, send(contact(Map.of("name", "A"))));
        fake.next("POST /contacts", FakeChatwoot.serverError());
        assertInstanceOf(DeliveryResult.Retry.class, send(contact(Map.of("name", "A"))));
        assertTrue(fake.account.contacts.isEmpty());
    }

    @Test
    void aCaseRepeatedAfterAFailureHalfWayCreatesNothingTwice() {
        CrmRecord.CrmCase crmCase = new CrmRecord.CrmCase("esc-1", "conv-1", "pl", "refund", "agent1", Instant.now(), Instant.now(),
                List.of(new CrmRecord.Line("CUSTOMER", Instant.now(), "card **** 1111")));
        CrmRecord record = new CrmRecord(CrmRecord.Type.CASE, "d", subject, "ref", Map.of("name", "Anna"), crmCase, null, null,
                Instant.now());
        fake.next("POST /conversations/{id}/toggle_status", FakeChatwoot.serverError());
        assertInstanceOf(DeliveryResult.Retry.class, send(record));
        DeliveryResult again = send(record);
        assertInstanceOf(DeliveryResult.Delivered.class, again, again::what);
        assertEquals(1, fake.account.conversations.size());
        assertEquals(1, fake.account.messages.values().iterator().next().size());
        assertEquals("resolved", fake.account.conversations.values().iterator().next().getString("status"));
    }

    @Test
    void theDefaultRegionIsChecked() {
        var settings = new org.consentry.platform.control.Settings(k -> Optional.empty());
        connector.check(recipient(FakeChatwoot.TOKEN, Map.of("chatwoot.default-region", "XX")), settings, false);
        var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> settings.verify("CRM"));
        assertTrue(refused.getMessage().contains("consentry.crm.recipient.cw.chatwoot.default-region"), refused.getMessage());
    }
}
