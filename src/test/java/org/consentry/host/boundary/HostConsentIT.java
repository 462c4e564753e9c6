package org.consentry.host.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.SampleHost;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client jar in a host application of its own (issue 26): a small helpdesk WAR (org.consentry.samplehost)
 * with consentry-&lt;version&gt;-client.jar, as built, in its WEB-INF/lib, deployed beside Consentry on one Liberty.
 * Its CRM sync bean carries only @RequiresConsent("crm-sync") and @SubjectId. Both sides remember a
 * decision for ten minutes here, so a change that reaches the host within seconds was pushed; and once
 * Consentry is stopped, the host's guarded call fails closed while the rest of the host works on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostConsentIT {

    static final String PORT = System.getProperty("it.http.port", "19080");

    @Deployment(name = "consentry", order = 1, managed = false, testable = false)
    static WebArchive consentry() {
        return Deployments.application("config_ordinal=700\nconsentry.host.decision-ttl=PT10M\n" + SampleHost.consentrySide(PORT));
    }

    @Deployment(name = "helpdesk", order = 2, testable = false)
    static WebArchive helpdesk() throws IOException {
        return SampleHost.war(PORT, "consentry.client.max-remember=PT10M\nconsentry.client.key-ttl=PT1S\n");
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("helpdesk")
    URL helpdesk;

    @Test
    @Order(1)
    void theHostsCallRunsOnlyWhileConsentryHoldsTheConsentAndAChangeIsPushedAtOnce() throws Exception {
        deployer.deploy("consentry");
        Api consentry = new Api(URI.create(helpdesk.toString()).resolve("/").toURL());
        Api host = new Api(helpdesk);
        String customer = "host-it-" + UUID.randomUUID();

        Api.Reply refused = sync(host, customer);
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("crm-sync", refused.json().getString("refused"));
        assertFalse(synced(host).contains(customer), "the guarded method did not run");
        JsonObject denied = lastCheck(consentry, customer);
        assertEquals("DENIED", denied.getString("outcome"));
        assertEquals("helpdesk", denied.getString("actor"), "audited under the host's own identity: " + denied);

        Api.Reply granted = consentry.put("api/v1/subjects/" + customer + "/consents/crm-sync", Api.ADMIN,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"web\",\"evidence\":\"host-it form\"}");
        assertEquals(200, granted.status(), granted::toString);
        Eventually.until("the grant reaches the host (pushed: both sides remember ten minutes)", Duration.ofSeconds(20),
                () -> sync(host, customer).status() == 200);
        assertTrue(synced(host).contains(customer), "the guarded method ran");
        assertEquals("ALLOWED", lastCheck(consentry, customer).getString("outcome"));

        assertEquals(204, consentry.delete("api/v1/subjects/" + customer + "/consents/crm-sync", Api.ADMIN).status());
        Eventually.until("the withdrawal reaches the host", Duration.ofSeconds(20), () -> sync(host, customer).status() == 403);
    }

    @Test
    @Order(2)
    void aNoticeWithoutConsentrysSignatureChangesNothing() {
        Api host = new Api(helpdesk);
        for (String signature : new String[] {null, "v1,AAAA"}) {
            HttpRequest.Builder forged = host.request("consentry/consent-changes", Api.ANONYMOUS)
                    .header("Content-Type", "application/json").header("webhook-id", "msg_forged")
                    .header("webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"consent.changed\",\"subjectId\":\"x\",\"purpose\":\"crm-sync\"}"));
            if (signature != null) {
                forged.header("webhook-signature", signature);
            }
            assertEquals(401, host.send(forged).status(), "signature " + signature);
        }
    }

    @Test
    @Order(3)
    void withConsentryStoppedTheGuardedCallAndThePersonalFieldsFailClosedAndTheRestOfTheHostWorks() throws Exception {
        Api host = new Api(helpdesk);
        String customer = "host-it-" + UUID.randomUUID();
        Api.Reply opened = host.post("api/tickets", Api.ANONYMOUS, """
                {"customer":"%s","name":"Anna Kowalska","email":"anna@example.com","message":"Mój numer to 600 100 200"}"""
                .formatted(customer));
        assertEquals(200, opened.status(), opened::toString);
        String ticket = "api/tickets/" + opened.json().getString("id");
        deployer.undeploy("consentry");
        // the host may show the ticket until its key (key-ttl PT1S) expires in its memory; then never again
        Eventually.until("the host's key expires and the sealed ticket is refused", Duration.ofSeconds(10),
                () -> host.get(ticket, Api.ANONYMOUS).status() == 503);

        Api.Reply unreadable = host.get(ticket, Api.ANONYMOUS);
        assertEquals(503, unreadable.status(), "a sealed ticket is not shown without Consentry: " + unreadable);
        assertFalse(unreadable.text().contains("Kowalska"), unreadable::toString);
        String other = "host-it-" + UUID.randomUUID();
        Api.Reply notWritten = host.post("api/tickets", Api.ANONYMOUS, """
                {"customer":"%s","name":"Jan Nowak","email":"jan@example.com","message":"Proszę o kontakt"}""".formatted(other));
        assertEquals(503, notWritten.status(), "nothing personal is written without a key: " + notWritten);
        Api.Reply none = host.get("api/tickets?customer=" + other, Api.ANONYMOUS);
        assertEquals(0, none.json().getJsonArray("tickets").size(), "the refused ticket left no row: " + none);

        Api.Reply unavailable = sync(host, "host-it-" + UUID.randomUUID());
        assertEquals(503, unavailable.status(), unavailable::toString);
        assertEquals("crm-sync", unavailable.json().getString("unavailable"));
        Api.Reply unguarded = host.get("api/tickets/synced", Api.ANONYMOUS);
        assertEquals(200, unguarded.status(), "the host's own features are untouched: " + unguarded);
    }

    private static Api.Reply sync(Api host, String customer) {
        return host.post("api/tickets/" + customer + "/sync", Api.ANONYMOUS, "");
    }

    private static List<String> synced(Api host) {
        return host.get("api/tickets/synced", Api.ANONYMOUS).structure().asJsonArray().getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
    }

    /** The newest consent.check of the subject in Consentry's audit trail. */
    private static JsonObject lastCheck(Api consentry, String customer) {
        return consentry.get("api/v1/audit?subjectId=" + customer + "&limit=50", Api.ADMIN).structure().asJsonArray()
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getString("action").equals("consent.check")).findFirst()
                .orElseThrow(() -> new AssertionError("no consent.check audited for the subject"));
    }
}
