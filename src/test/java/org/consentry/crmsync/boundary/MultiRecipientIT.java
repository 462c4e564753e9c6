package org.consentry.crmsync.boundary;

import static org.consentry.platform.entity.JsonProviders.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consentry.testing.Api;
import org.consentry.testing.Browser;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.StandIn;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Two CRM recipients at once (issue 15), both signed webhooks on loopback with field policies of their
 * own: a lead reaches each, once; one that is slow, down or refusing delays and fails nothing of the
 * other's; a withdrawal cancels what was pending and tells those that may hold the data; an erasure
 * gives one receipt per recipient.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MultiRecipientIT {

    static final StandIn ALPHA = new StandIn().concurrent();
    static final StandIn BETA = new StandIn().concurrent();
    static final String ALPHA_SECRET = "whsec_Y29uc2VudHJ5LWFscGhhLXRlc3Qtbm90LXJlYWwtMQ==";
    static final String BETA_SECRET = "whsec_Y29uc2VudHJ5LWJldGEtdGVzdC1ub3QtcmVhbC0x";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.crm.recipients=alpha,beta
                consentry.crm.recipient.alpha.connector=webhook
                consentry.crm.recipient.alpha.url=%s
                consentry.crm.recipient.alpha.secret=%s
                consentry.crm.recipient.alpha.allow-http=true
                consentry.crm.recipient.alpha.fields.contact.name=clear
                consentry.crm.recipient.alpha.fields.contact.email=clear
                consentry.crm.recipient.beta.connector=webhook
                consentry.crm.recipient.beta.url=%s
                consentry.crm.recipient.beta.secret=%s
                consentry.crm.recipient.beta.allow-http=true
                consentry.crm.recipient.beta.fields.contact.email=token
                consentry.crm.recipient.beta.fields.contact.name=drop
                consentry.erasure.poll=PT0.5S
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                consentry.outbox.request-timeout=PT3S
                consentry.outbox.lease=PT6S
                """.formatted(ALPHA.url("/alpha"), ALPHA_SECRET, BETA.url("/beta"), BETA_SECRET));
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        ALPHA.answering(r -> new StandIn.Answer(204, "")).up();
        BETA.answering(r -> new StandIn.Answer(204, ""));
    }

    @AfterEach
    void tearDown() {
        ALPHA.down();
        BETA.down();
    }

    private static final String CONSENTED_LEAD = "{\"name\":\"Ewa Lis\",\"email\":\"ewa.lis@example.com\","
            + "\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"message m-1\"}}";

    private Api.Reply lead(String subject) {
        Api.Reply reply = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT, CONSENTED_LEAD);
        assertEquals(202, reply.status(), reply::toString);
        return reply;
    }

    private static List<JsonObject> events(StandIn crm, String subject) {
        return crm.received.stream().map(r -> JSON.createReader(new StringReader(r.body())).readObject())
                .filter(b -> subject.equals(b.getString("subjectId", null))).toList();
    }

    private static List<StandIn.Request> requests(StandIn crm, String subject) {
        return crm.received.stream().filter(r -> r.body().contains("\"" + subject + "\"")).toList();
    }

    /** The subject's deliveries to {@code recipient} as the admin's outbox listing shows them, by kind and status. */
    private List<String> outbox(String recipient, String status) {
        return api.get("api/v1/crm/outbox?recipient=" + recipient + "&status=" + status + "&limit=1000", Api.ADMIN)
                .structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("id")).toList();
    }

    @Test
    @Proves(Duty.GDPR_5_1_C)
    void aLeadReachesEachRecipientOnceMinimisedByItsOwnPolicy() throws Exception {
        BETA.up();
        String subject = "multi-" + UUID.randomUUID();
        JsonObject queued = lead(subject).json();
        List<JsonObject> deliveries = queued.getJsonArray("deliveries").getValuesAs(JsonObject.class);
        assertEquals(List.of("alpha", "beta"), deliveries.stream().map(d -> d.getString("recipient")).toList(), queued::toString);
        assertEquals(deliveries.get(0).getString("deliveryId"), queued.getString("deliveryId"), "the first, as before");

        Eventually.until("both got the contact", Duration.ofSeconds(20),
                () -> events(ALPHA, subject).size() == 1 && events(BETA, subject).size() == 1);
        JsonObject alpha = events(ALPHA, subject).get(0).getJsonObject("contact");
        JsonObject beta = events(BETA, subject).get(0).getJsonObject("contact");
        assertEquals("Ewa Lis", alpha.getString("name"));
        assertEquals("ewa.lis@example.com", alpha.getString("email"));
        assertFalse(beta.containsKey("name"), "beta's policy drops the name: " + beta);
        assertTrue(beta.getString("email").startsWith("tok_"), "beta gets a token: " + beta);
        assertEquals(deliveries.get(0).getString("deliveryId"), requests(ALPHA, subject).get(0).header("webhook-id"));
        assertEquals(deliveries.get(1).getString("deliveryId"), requests(BETA, subject).get(0).header("webhook-id"));
    }

    @Test
    void aSlowRecipientDelaysNoneOfTheOthersDeliveries() throws Exception {
        BETA.answering(r -> {
            try {
                Thread.sleep(2_000); // well within the request timeout: slow, not failing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StandIn.Answer(204, "");
        }).up();
        String run = "slow-" + UUID.randomUUID() + "-";
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            subjects.add(run + i);
            lead(run + i);
        }
        // beta's deliveries go one after another, two seconds each: by its second request alpha has all four
        Eventually.until("beta received its second lead", Duration.ofSeconds(30),
                () -> BETA.received.stream().filter(r -> r.body().contains(run)).count() >= 2);
        long alphaGot = ALPHA.received.stream().filter(r -> r.body().contains(run)).count();
        assertEquals(4, alphaGot, "alpha's deliveries did not wait behind beta's slow answers");
        Eventually.until("beta got all four in the end", Duration.ofSeconds(30),
                () -> BETA.received.stream().filter(r -> r.body().contains(run)).count() == 4);
    }

    @Test
    void aRecipientDownForAWhileGetsEveryDeliveryExactlyOnceAfterItRecovers() throws Exception {
        String run = "down-" + UUID.randomUUID() + "-";
        List<String> betaDeliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            betaDeliveries.add(lead(run + i).json().getJsonArray("deliveries").getJsonObject(1).getString("deliveryId"));
        }
        Eventually.until("alpha got all three while beta is down", Duration.ofSeconds(20),
                () -> ALPHA.received.stream().filter(r -> r.body().contains(run)).count() == 3);
        Eventually.until("beta's deliveries were tried and wait for a retry", Duration.ofSeconds(20),
                () -> api.get("api/v1/crm/recipients", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class)
                        .stream().anyMatch(r -> r.getString("id").equals("beta") && r.getString("state").equals("RETRYING")));
        BETA.up();
        Eventually.until("beta's three are delivered after it came back", Duration.ofSeconds(30),
                () -> outbox("beta", "DELIVERED").containsAll(betaDeliveries));
        Map<String, Long> perId = BETA.received.stream().filter(r -> r.body().contains(run))
                .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
        assertEquals(3, perId.size(), "three deliveries: " + perId);
        assertTrue(perId.values().stream().allMatch(n -> n == 1), "each arrived exactly once: " + perId);
        assertEquals(3, ALPHA.received.stream().filter(r -> r.body().contains(run)).count(), "alpha was never sent anything twice");
    }

    @Test
    void oneRecipientsRefusalFailsOnlyItsOwnDelivery() throws Exception {
        BETA.answering(r -> new StandIn.Answer(400, "{\"error\":\"bad\"}")).up();
        String subject = "refused-" + UUID.randomUUID();
        JsonObject queued = lead(subject).json();
        String alphaDelivery = queued.getJsonArray("deliveries").getJsonObject(0).getString("deliveryId");
        String betaDelivery = queued.getJsonArray("deliveries").getJsonObject(1).getString("deliveryId");
        Eventually.until("beta's delivery failed", Duration.ofSeconds(20), () -> outbox("beta", "FAILED").contains(betaDelivery));
        Eventually.until("alpha's was delivered", Duration.ofSeconds(20), () -> outbox("alpha", "DELIVERED").contains(alphaDelivery));
        assertFalse(outbox("alpha", "FAILED").contains(alphaDelivery));

        JsonObject beta = api.get("api/v1/crm/recipients", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("id").equals("beta")).findFirst().orElseThrow();
        assertEquals("webhook", beta.getString("connector"));
        assertEquals("FAILING", beta.getString("state"), beta::toString);
        assertEquals("HTTP 400", beta.getString("lastError"), beta::toString);
        assertTrue(beta.getJsonNumber("failed").longValue() >= 1, beta::toString);
        assertEquals("TOKEN", beta.getJsonObject("fields").getString("contact.email"));
        assertFalse(beta.toString().contains(BETA_SECRET) || beta.toString().contains("/beta"), "no secret, no path: " + beta);
        assertEquals(403, api.get("api/v1/crm/recipients", Api.BOT).status());

        BETA.answering(r -> new StandIn.Answer(204, "")); // sent again, it goes: no failed delivery is left for the next test
        assertEquals(200, api.post("api/v1/crm/outbox/" + betaDelivery + "/retry", Api.ADMIN, "").status());
        Eventually.until("the retried delivery is delivered", Duration.ofSeconds(20),
                () -> outbox("beta", "DELIVERED").contains(betaDelivery));
    }

    @Test
    void theCrmPageShowsEachRecipientsStateAndSendsAFailedDeliveryAgain() throws Exception {
        BETA.answering(r -> new StandIn.Answer(422, "{\"error\":\"unprocessable\"}")).up();
        String subject = "page-" + UUID.randomUUID();
        String betaDelivery = lead(subject).json().getJsonArray("deliveries").getJsonObject(1).getString("deliveryId");
        Eventually.until("beta's delivery failed", Duration.ofSeconds(20), () -> outbox("beta", "FAILED").contains(betaDelivery));
        try (Browser admin = Browser.open(base)) {
            admin.signIn("admin", "admin-dev");
            admin.go("console/#outbox");
            String recipients = admin.waitFor(By.cssSelector("#recipients-result table")).getText();
            assertTrue(recipients.contains("alpha") && recipients.contains("beta") && recipients.contains("webhook"), recipients);
            assertTrue(recipients.contains("Failing") && recipients.contains("HTTP 422"), recipients);
            assertFalse(recipients.contains(BETA_SECRET) || recipients.contains(subject), recipients);
            admin.waitUntil(d -> d.findElements(By.cssSelector("#outbox-recipient option")).size() == 3);
            new Select(admin.driver.findElement(By.id("outbox-recipient"))).selectByValue("beta");
            admin.waitUntil(d -> d.findElement(By.id("outbox-result")).getText().contains("beta")
                    && !d.findElement(By.id("outbox-result")).getText().contains("alpha"));
            admin.screenshot("admin-crm-recipients");
            BETA.answering(r -> new StandIn.Answer(204, ""));
            admin.click(By.cssSelector("#outbox-result button.retry"));
            Eventually.until("the retried delivery is delivered", Duration.ofSeconds(20),
                    () -> outbox("beta", "DELIVERED").contains(betaDelivery));
            admin.assertNoConsoleErrors();
        }
    }

    @Test
    @Proves(Duty.GDPR_7_3)
    void aWithdrawalCancelsWhatWasPendingAndTellsTheRecipientsThatMayHoldTheData() throws Exception {
        String subject = "withdrawn-" + UUID.randomUUID();
        JsonObject queued = lead(subject).json();
        String betaDelivery = queued.getJsonArray("deliveries").getJsonObject(1).getString("deliveryId");
        Eventually.until("alpha got the contact", Duration.ofSeconds(20), () -> events(ALPHA, subject).size() == 1);
        Eventually.until("beta's delivery was tried", Duration.ofSeconds(20), () -> api.get("api/v1/crm/outbox?recipient=beta"
                + "&status=PENDING", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> d.getString("id").equals(betaDelivery) && d.getInt("attempts") > 0));

        assertEquals(204, api.delete("api/v1/subjects/" + subject + "/consents/crm-sync", Api.BOT).status());
        assertTrue(outbox("beta", "CANCELLED").contains(betaDelivery), "beta's pending contact is cancelled");
        JsonObject cancelled = api.get("api/v1/crm/outbox?recipient=beta&status=CANCELLED", Api.ADMIN).structure().asJsonArray()
                .getValuesAs(JsonObject.class).stream().filter(d -> d.getString("id").equals(betaDelivery)).findFirst().orElseThrow();
        assertEquals("cancelled: consent to crm-sync withdrawn", cancelled.getString("lastOutcome"));

        Eventually.until("alpha, which got the contact, hears of the withdrawal", Duration.ofSeconds(20),
                () -> events(ALPHA, subject).stream().anyMatch(e -> e.getString("type").equals("consent.withdrawn")));
        BETA.up();
        Eventually.until("beta, which may have got it (an attempt was made), hears of it too", Duration.ofSeconds(20),
                () -> events(BETA, subject).stream().anyMatch(e -> e.getString("type").equals("consent.withdrawn")));
        assertTrue(events(BETA, subject).stream().noneMatch(e -> e.getString("type").equals("contact.upsert")),
                "beta never gets the contact after the withdrawal");
        assertEquals("crm-sync", events(ALPHA, subject).get(1).getString("purpose"));

        var audit = api.get("api/v1/audit?subjectId=" + subject, Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class);
        JsonObject entry = audit.stream().filter(e -> e.getString("action").equals("crm.consent")).findFirst().orElseThrow();
        assertTrue(entry.getString("detail").contains("beta " + betaDelivery), entry::toString);
        assertTrue(entry.getString("detail").contains("recipients told [alpha, beta]"), entry::toString);
    }

    @Test
    @Proves(Duty.GDPR_19)
    void anErasureGivesOneReceiptPerRecipient() throws Exception {
        BETA.up();
        String subject = "erased-" + UUID.randomUUID();
        lead(subject);
        Eventually.until("both got the contact", Duration.ofSeconds(20),
                () -> events(ALPHA, subject).size() == 1 && events(BETA, subject).size() == 1);
        Api.Reply accepted = api.delete("api/v1/subjects/" + subject, Api.ADMIN);
        assertEquals(202, accepted.status(), accepted::toString);
        String requestId = accepted.json().getString("requestId");
        Eventually.until("the erasure completes", Duration.ofSeconds(40),
                () -> "COMPLETED".equals(api.get("api/v1/erasures/" + requestId, Api.ADMIN).json().getString("status")));
        JsonObject done = api.get("api/v1/erasures/" + requestId, Api.ADMIN).json();
        List<JsonObject> receipts = done.getJsonArray("recipients").getValuesAs(JsonObject.class);
        assertEquals(List.of("alpha DELIVERED", "beta DELIVERED"),
                receipts.stream().map(r -> r.getString("recipient") + " " + r.getString("status")).toList(), done::toString);
        receipts.forEach(r -> assertTrue(r.containsKey("at") && r.getString("detail").equals("HTTP 204"), r::toString));
        for (StandIn crm : List.of(ALPHA, BETA)) {
            List<JsonObject> erase = events(crm, subject).stream().filter(e -> e.getString("type").equals("subject.erase")).toList();
            assertEquals(1, erase.size(), "each recipient was told once");
            assertEquals(requestId, erase.get(0).getString("erasureRequestId"));
        }
    }
}
