package org.consentry.compliance.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GDPR Art. 30: the record of processing comes from the code (where the entities keep personal data,
 * which operations each purpose's consent guards) and the configuration (purposes, recipients,
 * retention in force), as JSON and as a printable page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Proves(Duty.GDPR_30)
class RecordsOfProcessingIT {

    static final String CONTROLLER = "Acme <b>Sp. z o.o.</b> & Co";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.controller.name=%s
                consentry.controller.contact=privacy@acme.example
                consentry.dpo.contact=dpo@acme.example
                consentry.crm.url=https://crm.acme.example/hooks/consentry
                consentry.crm.secret=whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=
                """.formatted(CONTROLLER));
    }

    @ArquillianResource
    URL base;

    @Test
    void theRecordNamesEveryPurposeWithItsGuardedOperationsRecipientsAndWhereItsDataLies() {
        Api api = new Api(base);
        var reply = api.get("api/v1/records-of-processing", Api.ADMIN);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        JsonObject record = reply.json();
        assertEquals(CONTROLLER, record.getJsonObject("controller").getString("name"));
        assertEquals("dpo@acme.example", record.getString("dpoContact"));

        JsonObject handoff = activity(record, "support-handoff");
        assertEquals("GDPR Art. 6(1)(a)", handoff.getString("legalReference"));
        assertTrue(handoff.getBoolean("consentRequired"));
        assertEquals(List.of("contact", "transcript", "activity"), strings(handoff, "categories"));
        assertTrue(strings(handoff, "guardedOperations").containsAll(List.of(
                "org.consentry.escalation.boundary.Handoffs.handOff",
                "org.consentry.escalation.boundary.Handoffs.customerMessage")), handoff::toString);
        JsonObject crm = activity(record, "crm-sync");
        assertTrue(strings(crm, "guardedOperations").stream().allMatch(o -> o.startsWith("org.consentry.crmsync.boundary.CrmSync.")));
        String recipient = strings(crm, "recipients").get(0);
        assertTrue(recipient.contains("webhook") && recipient.contains("crm.acme.example"), recipient);
        assertFalse(reply.text().contains("records-it-secret") || reply.text().contains("/hooks/consentry"), "no secret, no path");

        Set<String> sealed = record.getJsonArray("storage").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getBoolean("sealed"))
                .map(p -> p.getString("category") + ":" + p.getString("table") + "." + p.getString("column"))
                .collect(Collectors.toSet());
        assertTrue(sealed.containsAll(Set.of("contact:escalation.customer_name", "contact:escalation.customer_email",
                "contact:escalation.customer_phone", "transcript:escalation_message.body", "transcript:pii_token.original")), sealed::toString);
        assertTrue(record.getJsonArray("storage").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("table").equals("escalation") && p.getString("column").equals("*")
                        && p.getString("category").equals("activity")), "rows of a category are named too");
        assertTrue(strings(record, "securityMeasures").stream().anyMatch(m -> m.contains("AES-256-GCM")));
        assertTrue(strings(record, "gaps").stream().anyMatch(g -> g.contains("development key-encryption key")));
        assertFalse(strings(record, "gaps").stream().anyMatch(g -> g.contains("consentry.dpo.contact")), "the DPO is set");
    }

    @Test
    void theRetentionInTheRecordIsTheOneInForce() {
        Api api = new Api(base);
        assertEquals(200, api.put("api/v1/retention/policies/transcript", Api.ADMIN, "{\"period\":\"P60D\",\"action\":\"DELETE\"}").status());
        try {
            JsonObject transcript = category(api.get("api/v1/records-of-processing", Api.ADMIN).json(), "transcript");
            assertEquals("P60D", transcript.getString("retention"));
        } finally {
            assertEquals(200, api.put("api/v1/retention/policies/transcript", Api.ADMIN, "{\"period\":\"P90D\",\"action\":\"DELETE\"}").status());
        }
        assertEquals("P90D", category(api.get("api/v1/records-of-processing", Api.ADMIN).json(), "transcript").getString("retention"));
    }

    @Test
    void aPrintablePageInPolishWithEveryValueEscaped() {
        Api api = new Api(base);
        var page = api.send(api.request("api/v1/records-of-processing?lang=pl", Api.ADMIN).header("Accept", "text/html").GET());
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String html = page.text();
        assertTrue(html.contains("<h1>Rejestr czynności przetwarzania (art. 30 ust. 1 RODO)</h1>"), html);
        assertTrue(html.contains("Acme &lt;b&gt;Sp. z o.o.&lt;/b&gt; &amp; Co"), "the controller's name as text");
        assertFalse(html.contains("<b>Sp."), "no markup from a value");
        assertTrue(html.contains("id=\"purpose-support-handoff\"") && html.contains("escalation_message.body"));
        assertTrue(html.contains("href=\"../../console/css/records.css\""));
        var css = api.get("console/css/records.css", null);
        assertEquals(200, css.status(), "the stylesheet the page links is served");
        // a browser's Accept gets the page, a client's */* the JSON
        var browser = api.send(api.request("api/v1/records-of-processing", Api.ADMIN)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
        assertTrue(browser.contentType().startsWith("text/html"), browser.contentType());
        var any = api.send(api.request("api/v1/records-of-processing", Api.ADMIN).header("Accept", "*/*").GET());
        assertTrue(any.contentType().startsWith("application/json"), any.contentType());
    }

    @Test
    void onlyAdminsReadTheRecord() {
        Api api = new Api(base);
        assertEquals(401, api.get("api/v1/records-of-processing", Api.ANONYMOUS).status());
        assertEquals(403, api.get("api/v1/records-of-processing", Api.AGENT1).problem().getInt("status"));
        assertEquals(403, api.get("api/v1/records-of-processing", Api.BOT).problem().getInt("status"));
        assertEquals(400, api.get("api/v1/records-of-processing?lang=de", Api.ADMIN).problem().getInt("status"));
    }

    private static JsonObject activity(JsonObject record, String purpose) {
        return record.getJsonArray("activities").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("purpose").equals(purpose)).findFirst().orElseThrow(() -> new AssertionError(record.toString()));
    }

    private static JsonObject category(JsonObject record, String id) {
        return record.getJsonArray("categories").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow(() -> new AssertionError(record.toString()));
    }

    private static List<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }
}
