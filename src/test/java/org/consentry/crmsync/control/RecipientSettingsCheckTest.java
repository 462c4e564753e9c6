package org.consentry.crmsync.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.crmsync.connector.chatwoot.ChatwootConnector;
import org.consentry.crmsync.connector.webhook.WebhookConnector;
import org.consentry.crmsync.entity.FieldRule;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.StartupSettings;
import org.junit.jupiter.api.Test;

/** Bad recipient configuration refuses to start, naming the key; good configuration is read as written. */
class RecipientSettingsCheckTest {

    static final List<CrmConnector> CONNECTORS = List.of(new WebhookConnector(), new ChatwootConnector());
    static final String SECRET = "whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=";

    private static Map<String, String> config(String... pairs) {
        Map<String, String> config = new HashMap<>();
        config.put("consentry.purposes", "support-handoff,crm-sync,transcript-analytics");
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return config;
    }

    private static String refusal(Map<String, String> config) {
        return assertThrows(IllegalStateException.class, () -> StartupSettings.verify(k -> Optional.ofNullable(config.get(k)),
                List.of(new CrmSettingsCheck(CONNECTORS)))).getMessage();
    }

    @Test
    void anUnknownConnectorTypeIsRefusedNamingTheKeyAndTheKnownTypes() {
        String refused = refusal(config("consentry.crm.recipients", "hs", "consentry.crm.recipient.hs.connector", "hubspott",
                "consentry.crm.recipient.hs.url", "https://api.hubapi.com", "consentry.crm.recipient.hs.secret", "x"));
        assertTrue(refused.contains("consentry.crm.recipient.hs.connector: 'hubspott' is not a connector type (one of chatwoot, webhook)"),
                refused);
    }

    @Test
    void aMissingSecretIsRefusedNamingTheKeyNeverAValue() {
        String refused = refusal(config("consentry.crm.recipients", "alpha", "consentry.crm.recipient.alpha.connector", "webhook",
                "consentry.crm.recipient.alpha.url", "https://crm.example.com/hook"));
        assertTrue(refused.contains("consentry.crm.recipient.alpha.secret: not set"), refused);
        String connectorMissing = refusal(config("consentry.crm.recipients", "beta", "consentry.crm.recipient.beta.url",
                "https://crm.example.com/hook", "consentry.crm.recipient.beta.secret", SECRET));
        assertTrue(connectorMissing.contains("missing consentry.crm.recipient.beta.connector"), connectorMissing);
        assertFalse(connectorMissing.contains(SECRET));
    }

    @Test
    void plainHttpIsRefusedInProductionAndNeedsAllowHttpInDevelopment() {
        Map<String, String> config = config("consentry.crm.recipients", "alpha", "consentry.crm.recipient.alpha.connector", "webhook",
                "consentry.crm.recipient.alpha.url", "http://crm.example.com/hook", "consentry.crm.recipient.alpha.secret", SECRET);
        assertTrue(refusal(config).contains("consentry.crm.recipient.alpha.url: must be https"), refusal(config));
        config.put(StartupSettings.PROFILE, "development");
        assertTrue(refusal(config).contains("consentry.crm.recipient.alpha.url: must be https"), "not without allow-http");
        config.put("consentry.crm.recipient.alpha.allow-http", "true");
        assertEquals("development", StartupSettings.verify(k -> Optional.ofNullable(config.get(k)),
                List.of(new CrmSettingsCheck(CONNECTORS))));
        config.put(StartupSettings.PROFILE, "production");
        assertTrue(refusal(config).contains("consentry.crm.recipient.alpha.allow-http: true lets CRM data travel over plain HTTP"),
                refusal(config));
    }

    @Test
    void badIdsPurposesAndFieldRulesAreRefusedEachByItsKey() {
        String refused = refusal(config("consentry.crm.recipients", "Alpha_1,beta,beta",
                "consentry.crm.recipient.beta.connector", "chatwoot", "consentry.crm.recipient.beta.url", "https://chat.example.com",
                "consentry.crm.recipient.beta.secret", "token", "consentry.crm.recipient.beta.purposes", "crm-sync,newsletter",
                "consentry.crm.recipient.beta.fields.contact.email", "encrypt"));
        assertTrue(refused.contains("consentry.crm.recipients: 'Alpha_1' is not a recipient id"), refused);
        assertTrue(refused.contains("consentry.crm.recipients: 'beta' is listed twice"), refused);
        assertTrue(refused.contains("consentry.crm.recipient.beta.purposes: 'newsletter' is not a purpose"), refused);
        assertTrue(refused.contains("consentry.crm.recipient.beta.fields.contact.email: 'encrypt' is not clear, token or drop"), refused);
        assertTrue(refused.contains("consentry.crm.recipient.beta.chatwoot.account-id: not set"), refused);
    }

    @Test
    void recipientsAreReadWithTheirOwnPolicyFallingBackToTheGlobalOneAndTheOldKeysAreTheRecipientCrm() {
        Map<String, String> config = config("consentry.crm.url", "https://old.example.com/hook", "consentry.crm.secret", SECRET,
                "consentry.purposes.crm-sync.fields.contact.email", "clear",
                "consentry.crm.recipients", "alpha", "consentry.crm.recipient.alpha.connector", "webhook",
                "consentry.crm.recipient.alpha.url", "https://alpha.example.com/x/y", "consentry.crm.recipient.alpha.secret", SECRET,
                "consentry.crm.recipient.alpha.fields.contact.name", "token");
        Settings settings = new Settings(k -> Optional.ofNullable(config.get(k)));
        List<RecipientSettings> all = Recipients.parse(settings, settings::optional, true, CONNECTORS);
        settings.verify("test");
        assertEquals(List.of("crm", "alpha"), all.stream().map(RecipientSettings::id).toList());
        RecipientSettings alpha = all.get(1);
        assertEquals(FieldRule.TOKEN, alpha.rule("contact.name"));
        assertEquals(FieldRule.CLEAR, alpha.rule("contact.email"), "the global policy where the recipient says nothing");
        assertEquals(FieldRule.DROP, alpha.rule("contact.phone"), "and drop where neither does");
        assertEquals("https://alpha.example.com", alpha.where(), "scheme and host, no path");
        assertEquals("webhook", all.get(0).type(), "the old single CRM is a webhook recipient named crm");
        assertTrue(alpha.toString().indexOf(SECRET) < 0);
    }
}
