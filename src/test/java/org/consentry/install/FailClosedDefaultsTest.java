package org.consentry.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.consentry.crmsync.connector.chatwoot.ChatwootConnector;
import org.consentry.crmsync.connector.hubspot.HubSpotConnector;
import org.consentry.crmsync.connector.kafka.KafkaConnector;
import org.consentry.crmsync.connector.salesforce.SalesforceConnector;
import org.consentry.crmsync.connector.webhook.WebhookConnector;
import org.consentry.crmsync.connector.zendesk.ZendeskConnector;
import org.consentry.crmsync.control.CrmSettingsCheck;
import org.consentry.crypto.control.KeySettingsCheck;
import org.consentry.escalation.adapter.botframework.BotFrameworkSettingsCheck;
import org.consentry.escalation.control.CallbackSettingsCheck;
import org.consentry.escalation.desk.chatwoot.DeskSettingsCheck;
import org.consentry.outbox.control.AlertSettingsCheck;
import org.consentry.platform.control.ApiAddressCheck;
import org.consentry.platform.control.PlatformSettingsCheck;
import org.consentry.platform.control.SettingsCheck;
import org.consentry.platform.control.StartupSettings;
import org.consentry.sso.control.SsoSettingsCheck;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Security finding 2, on the files this repository ships: the development server's defaults
 * (server.xml, db-postgres.xml) and the application's microprofile-config.properties do not start in
 * the production profile, and the refusal names every key; the plugin snippet's defaults with the
 * settings the operator guide asks for do start.
 */
class FailClosedDefaultsTest {

    static final List<SettingsCheck> CHECKS = List.of(new PlatformSettingsCheck(), new KeySettingsCheck(),
            new CallbackSettingsCheck(), new DeskSettingsCheck(), new BotFrameworkSettingsCheck(),
            new CrmSettingsCheck(List.of(new WebhookConnector(), new ChatwootConnector(), new HubSpotConnector(),
                    new ZendeskConnector(), new SalesforceConnector(), new KafkaConnector())), new ApiAddressCheck(),
            new AlertSettingsCheck(), new SsoSettingsCheck());

    @Test
    void failClosedDefaults_theDevelopmentServerRefusesToStartInProductionNamingEachKey() throws Exception {
        Map<String, String> config = shipped("src/main/liberty/config/server.xml", "src/main/liberty/config/db-postgres.xml");
        assertEquals("development", StartupSettings.verify(lookup(config), CHECKS), "as shipped, it is the development server");

        config.put(StartupSettings.PROFILE, "production");
        var refused = assertThrows(IllegalStateException.class, () -> StartupSettings.verify(lookup(config), CHECKS));
        for (String key : List.of("consentry.users.bot.password", "consentry.users.agent1.password",
                "consentry.users.agent2.password", "consentry.users.admin.password", "db.password",
                "consentry.callback.secret", "consentry.callback.allow-http", "consentry.crm.allow-http",
                "consentry.callback.allowed-hosts", "consentry.kek.dev-generate")) {
            assertTrue(refused.getMessage().contains(key + ":"), key + " not named in: " + refused.getMessage());
        }
        assertFalse(refused.getMessage().contains("-dev"), "names keys, never their values: " + refused.getMessage());
    }

    @Test
    void failClosedDefaults_singleSignOnInProductionNeedsItsSecretTlsAndTheProvidersLogout() throws Exception {
        Map<String, String> config = shipped("src/main/plugin/configDropins/defaults/consentry.xml",
                "src/main/liberty/config/sso-oidc.xml");
        config.put("consentry.callback.secret", "an operator's secret");
        config.put("consentry.callback.allowed-hosts", "bot.example.com");
        config.put("consentry.sso.https-required", "false");
        config.put("consentry.sso.session-max", "P2D");
        var refused = assertThrows(IllegalStateException.class, () -> StartupSettings.verify(lookup(config), CHECKS));
        for (String key : List.of("consentry.sso.client-secret: not set", "consentry.sso.end-session-url: not set",
                "consentry.sso.https-required: false", "consentry.sso.session-max: not a duration")) {
            assertTrue(refused.getMessage().contains(key), key + " not named in: " + refused.getMessage());
        }
        config.put("consentry.sso.client-secret", "the provider's secret for this client");
        config.put("consentry.sso.end-session-url", "http://idp.example.com/logout");
        config.put("consentry.sso.https-required", "true");
        config.put("consentry.sso.session-max", "PT8H");
        var plain = assertThrows(IllegalStateException.class, () -> StartupSettings.verify(lookup(config), CHECKS));
        assertTrue(plain.getMessage().contains("consentry.sso.end-session-url: not an https URL"), plain.getMessage());
        assertFalse(plain.getMessage().contains("the provider's secret"), "names keys, never their values");
        config.put("consentry.sso.end-session-url", "https://idp.example.com/realms/staff/protocol/openid-connect/logout");
        assertEquals("production", StartupSettings.verify(lookup(config), CHECKS));
    }

    @Test
    void failClosedDefaults_thePluginStartsOnlyWithTheOperatorsSecretsAndHosts() throws Exception {
        Map<String, String> config = shipped("src/main/plugin/configDropins/defaults/consentry.xml");
        var refused = assertThrows(IllegalStateException.class, () -> StartupSettings.verify(lookup(config), CHECKS));
        assertTrue(refused.getMessage().contains("consentry.callback.secret: not set"), refused.getMessage());
        assertTrue(refused.getMessage().contains("consentry.callback.allowed-hosts: names a loopback host"), refused.getMessage());

        config.put("consentry.callback.secret", "an operator's secret");
        config.put("consentry.callback.allowed-hosts", "bot.example.com");
        assertEquals("production", StartupSettings.verify(lookup(config), CHECKS));

        config.put("consentry.crm.url", "https://crm.example.com/hooks/consentry");
        var noCrmSecret = assertThrows(IllegalStateException.class, () -> StartupSettings.verify(lookup(config), CHECKS));
        assertTrue(noCrmSecret.getMessage().contains("consentry.crm.secret: not set while consentry.crm.url names a CRM"),
                noCrmSecret.getMessage());
        config.put("consentry.profile", "staging");
        var unknown = assertThrows(IllegalStateException.class, () -> StartupSettings.verify(lookup(config), CHECKS));
        assertTrue(unknown.getMessage().contains("consentry.profile: 'staging' is neither production nor development"), unknown.getMessage());
    }

    @Test
    void failClosedDefaults_productionPublishesOnlyHttpsAddressesInItsApiDocument() throws Exception {
        Map<String, String> config = shipped("src/main/plugin/configDropins/defaults/consentry.xml");
        config.put("consentry.callback.secret", "an operator's secret");
        config.put("consentry.callback.allowed-hosts", "bot.example.com");
        config.put(ApiAddressCheck.INTERNAL_URL, "http://consentry.corp.example:9080");
        config.put(ApiAddressCheck.PUBLIC_URL, "helpdesk.example.com/api");
        var refused = assertThrows(IllegalStateException.class, () -> StartupSettings.verify(lookup(config), CHECKS));
        assertTrue(refused.getMessage().contains(ApiAddressCheck.INTERNAL_URL + ": production publishes only https://"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(ApiAddressCheck.PUBLIC_URL + ": 'helpdesk.example.com/api' is not an absolute URL"),
                refused.getMessage());

        config.put(ApiAddressCheck.INTERNAL_URL, "https://consentry.corp.example:9443");
        config.put(ApiAddressCheck.PUBLIC_URL, "https://helpdesk.example.com");
        assertEquals("production", StartupSettings.verify(lookup(config), CHECKS));

        Map<String, String> development = shipped("src/main/liberty/config/server.xml", "src/main/liberty/config/db-postgres.xml");
        development.put(ApiAddressCheck.INTERNAL_URL, "http://localhost:9080");
        assertEquals("development", StartupSettings.verify(lookup(development), CHECKS), "plain HTTP is the development server's own");
    }

    /** The application's properties over the Liberty variables' default values, as MicroProfile Config ranks them. */
    static Map<String, String> shipped(String... serverXmls) throws Exception {
        Map<String, String> config = new HashMap<>();
        for (String xml : serverXmls) {
            NodeList variables = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of(xml).toFile())
                    .getElementsByTagName("variable");
            for (int i = 0; i < variables.getLength(); i++) {
                Element variable = (Element) variables.item(i);
                config.put(variable.getAttribute("name"), variable.hasAttribute("value")
                        ? variable.getAttribute("value") : variable.getAttribute("defaultValue"));
            }
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        properties.forEach((k, v) -> config.put((String) k, (String) v));
        return config;
    }

    static java.util.function.Function<String, Optional<String>> lookup(Map<String, String> config) {
        return key -> Optional.ofNullable(config.get(key));
    }
}
