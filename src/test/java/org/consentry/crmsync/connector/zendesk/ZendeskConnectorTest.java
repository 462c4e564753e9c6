package org.consentry.crmsync.connector.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.platform.control.Settings;
import org.consentry.testing.StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Zendesk connector against the contract-checking fake, attempt by attempt, without a server. */
class ZendeskConnectorTest {

    final FakeZendesk fake = new FakeZendesk();
    final StandIn zendesk = new StandIn().answering(fake);
    final ZendeskConnector connector = new ZendeskConnector();
    final String subject = "cust-" + UUID.randomUUID();
    RecipientSettings recipient;

    @BeforeEach
    void up() {
        zendesk.up();
        recipient = recipient(Map.of("consentry.crm.recipient.zd.zendesk.email", FakeZendesk.AGENT));
    }

    @AfterEach
    void down() {
        zendesk.down();
        assertEquals(List.of(), fake.contract.violations(), "every request as Zendesk's contract allows");
        assertEquals(List.of(), fake.account.problems);
    }

    RecipientSettings recipient(Map<String, String> keys) {
        return new RecipientSettings("zd", "zendesk", "consentry.crm.recipient.zd.", Optional.of(URI.create(zendesk.url(""))),
                Optional.of(FakeZendesk.TOKEN), Optional.empty(), List.of("crm-sync"), Map.of(), k -> Optional.ofNullable(keys.get(k)));
    }

    CrmRecord contact(String subjectId, Map<String, String> fields) {
        return new CrmRecord(CrmRecord.Type.CONTACT, UUID.randomUUID().toString(), subjectId, "s_ref" + subjectId.hashCode(),
                fields, null, null, null, Instant.now());
    }

    CrmRecord of(CrmRecord.Type type, CrmRecord.CrmCase crmCase, CrmRecord.Consent consent) {
        return new CrmRecord(type, UUID.randomUUID().toString(), subject, "s_ref", Map.of("name", "Anna Nowak"), crmCase,
                type == CrmRecord.Type.ERASE ? UUID.randomUUID().toString() : null, consent, Instant.now());
    }

    @Test
    void aContactIsOneUserByExternalIdClearValuesInZendesksFieldsTokensInUserFields() {
        CrmRecord lead = contact(subject, Map.of("name", "Anna Nowak", "email", "anna@example.pl", "phone", "tok_p123"));
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, lead));
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, lead), "a repeated attempt");
        assertEquals(1, fake.account.users.size(), "create_or_update matched the external id");
        JsonObject user = fake.account.user(subject).orElseThrow();
        assertEquals("Anna Nowak", user.getString("name"));
        assertEquals("anna@example.pl", user.getString("email"));
        assertFalse(user.containsKey("phone"), "a token never goes where Zendesk validates a phone");
        assertEquals("tok_p123", user.getJsonObject("user_fields").getString("consentry_phone_token"));
    }

    @Test
    void aNameThePolicyKeepsBackIsAPlaceholderAndAClearPhoneIsE164() {
        CrmRecord lead = contact(subject, Map.of("phone", "+48 601 234 567"));
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, lead));
        JsonObject user = fake.account.user(subject).orElseThrow();
        assertEquals(ZendeskUsers.placeholderName(lead), user.getString("name"), "Zendesk requires a name");
        assertEquals("+48601234567", user.getString("phone"));
        assertEquals(Optional.empty(), ZendeskUsers.e164("601 234 567"), "no country code: left out, not guessed");
    }

    @Test
    void anEmailOfAnotherUserIsZendesks422AndARejection() {
        connector.send(recipient, contact("other-" + subject, Map.of("name", "Ola", "email", "shared@example.pl")));
        connector.send(recipient, contact(subject, Map.of("name", "Anna", "email", "anna@example.pl")));
        // the subject's address changed to one another Zendesk user has
        DeliveryResult result = connector.send(recipient, contact(subject, Map.of("name", "Anna", "email", "shared@example.pl")));
        assertInstanceOf(DeliveryResult.Rejected.class, result);
        assertEquals("zendesk POST /api/v2/users/create_or_update answered 422", result.what());
    }

    @Test
    void aResolvedCaseIsOneSolvedTicketEvenWhenTheAnswerToItsCreationWasLost() {
        CrmRecord.CrmCase crmCase = new CrmRecord.CrmCase("esc-" + UUID.randomUUID(), "conv-1", "pl", "Card charged twice", "agent1",
                Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T09:30:00Z"),
                List.of(new CrmRecord.Line("CUSTOMER", Instant.parse("2026-12-07T09:00:00Z"), "My card **** 1111 was charged twice")));
        CrmRecord record = of(CrmRecord.Type.CASE, crmCase, null);
        fake.failAfterWork.add("POST /tickets");
        assertInstanceOf(DeliveryResult.Retry.class, connector.send(recipient, record), "the answer was a 500");
        DeliveryResult again = connector.send(recipient, record);
        assertEquals("zendesk ticket was there already", again.what());
        assertEquals(1, fake.account.tickets.size(), "looked up by external_id before creating");
        JsonObject ticket = fake.account.tickets.values().iterator().next();
        assertEquals(crmCase.escalationId(), ticket.getString("external_id"));
        assertEquals("solved", ticket.getString("status"));
        assertEquals(fake.account.user(subject).orElseThrow().getJsonNumber("id").longValue(), ticket.getJsonNumber("requester_id").longValue());
        assertFalse(ticket.getJsonObject("comment").getBoolean("public"), "an internal note: the requester is not mailed");
        assertTrue(ticket.getString("description").contains("CUSTOMER: My card **** 1111"), ticket.getString("description"));
    }

    @Test
    void aWithdrawalIsAUserTagKeepingTheOtherTags() {
        connector.send(recipient, contact(subject, Map.of("name", "Anna")));
        CrmRecord withdrawal = of(CrmRecord.Type.CONSENT, null, new CrmRecord.Consent("crm-sync", false, Instant.now()));
        assertEquals("zendesk user tagged as withdrawn", connector.send(recipient, withdrawal).what());
        assertEquals("zendesk user tagged as withdrawn", connector.send(recipient, withdrawal).what());
        assertEquals(List.of("consentry_withdrawn_crm_sync"), fake.account.user(subject).orElseThrow().getJsonArray("tags")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(1, fake.count("PUT /users/{id}"), "the tag once");
        CrmRecord granted = of(CrmRecord.Type.CONSENT, null, new CrmRecord.Consent("crm-sync", true, Instant.now()));
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, granted));
        CrmRecord unknown = new CrmRecord(CrmRecord.Type.CONSENT, "d", "nobody", "s_x", Map.of(), null, null, withdrawal.consent(), Instant.now());
        assertEquals("zendesk holds no user: nothing to mirror", connector.send(recipient, unknown).what());
    }

    @Test
    void anErasureDeletesTheUserPermanentlyEvenWhenTheAnswerToTheSoftDeleteWasLost() {
        connector.send(recipient, contact(subject, Map.of("name", "Anna", "email", "anna@example.pl")));
        long id = fake.account.user(subject).orElseThrow().getJsonNumber("id").longValue();
        CrmRecord erase = of(CrmRecord.Type.ERASE, null, null);
        fake.failAfterWork.add("DELETE /users/{id}");
        assertInstanceOf(DeliveryResult.Retry.class, connector.send(recipient, erase));
        assertTrue(fake.account.deletedUsers.containsKey(id) && fake.account.permanentlyDeleted.isEmpty(), "soft-deleted only");
        assertEquals("zendesk user permanently deleted", connector.send(recipient, erase).what(), "found by its marker");
        assertEquals(List.of(id), fake.account.permanentlyDeleted);
        assertEquals("Permanently Deleted User", fake.account.deletedUsers.get(id).getString("name"));
        assertEquals("zendesk user already gone", connector.send(recipient, erase).what());
        assertEquals(1, fake.count("DELETE /deleted_users/{id}"));
    }

    @Test
    void a429IsARetryNotBeforeZendesksRetryAfter() {
        fake.rateLimit(1, 7);
        DeliveryResult result = connector.send(recipient, contact(subject, Map.of("name", "Anna")));
        DeliveryResult.Retry retry = assertInstanceOf(DeliveryResult.Retry.class, result);
        assertEquals(Duration.ofSeconds(7), retry.after());
        assertInstanceOf(DeliveryResult.Delivered.class, connector.send(recipient, contact(subject, Map.of("name", "Anna"))));
        fake.rateLimit(1, 11, false);
        retry = assertInstanceOf(DeliveryResult.Retry.class, connector.send(recipient, contact(subject, Map.of("name", "Anna"))));
        assertEquals(Duration.ofSeconds(11), retry.after(), "without Retry-After: Zendesk's ratelimit-reset");
    }

    @Test
    void aWrongTokenOrGarbageIsAFailedAttemptWithAReasonAndNoPersonalData() {
        List<DeliveryResult> results = new ArrayList<>();
        fake.acceptToken("rotated");
        results.add(connector.send(recipient, contact(subject, Map.of("name", "Anna"))));
        fake.acceptToken(FakeZendesk.TOKEN);
        fake.garbage.add("GET /users");
        results.add(connector.send(recipient, of(CrmRecord.Type.ERASE, null, null)));
        assertInstanceOf(DeliveryResult.Rejected.class, results.get(0));
        assertEquals("zendesk POST /api/v2/users/create_or_update answered 401", results.get(0).what());
        assertInstanceOf(DeliveryResult.Retry.class, results.get(1));
        results.forEach(r -> assertFalse(r.what().contains(subject) || r.what().contains("Anna"), r.what()));
    }

    @Test
    void theAgentsAddressIsRequiredAtStartUp() {
        Settings settings = new Settings(k -> Optional.empty());
        connector.check(recipient(Map.of()), settings, true);
        connector.check(recipient(Map.of("consentry.crm.recipient.zd.zendesk.email", "not-an-address")), settings, true);
        try {
            settings.verify("CRM recipients");
            throw new AssertionError("accepted");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("consentry.crm.recipient.zd.zendesk.email"), e.getMessage());
        }
    }
}
