package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The escalation endpoints over HTTP, bot side and agent side, on the packaged application. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EscalationsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
    }

    @Test
    void withoutConsentTheHandoffIsRefusedAndNothingIsStored() {
        Handoff handoff = new Handoff();
        var reply = api.post("api/v1/escalations", Api.BOT, handoff.json());
        assertEquals(403, reply.status(), reply::toString);
        JsonObject problem = reply.problem();
        assertTrue(problem.getString("type").endsWith("consent-required"));
        assertEquals("support-handoff", problem.getString("purpose"));
        var audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId, Api.ADMIN).structure().asJsonArray();
        assertEquals(1, audit.size());
        assertEquals("DENIED", audit.getJsonObject(0).getString("outcome"));
        handoff.withConsent();
        assertEquals(201, api.post("api/v1/escalations", Api.BOT, handoff.json()).status(),
                "the conversation was not stored by the refused call");
    }

    @Test
    void aHandoffIsCreatedOnceAndARetryReturnsIt() {
        Handoff handoff = new Handoff().withConsent();
        var first = api.post("api/v1/escalations", Api.BOT, handoff.json());
        assertEquals(201, first.status(), first::toString);
        String id = first.json().getString("id");
        assertEquals("WAITING", first.json().getString("status"));
        assertTrue(first.header("Location").endsWith("/api/v1/escalations/" + id));

        var retry = api.post("api/v1/escalations", Api.BOT, handoff.json());
        assertEquals(200, retry.status());
        assertEquals(id, retry.json().getString("id"));

        var other = api.post("api/v1/escalations", Api.BOT, handoff.json().replace(handoff.subjectId, "someone-else"));
        assertEquals(409, other.status());
        assertTrue(other.problem().getString("type").endsWith("conversation-conflict"));
    }

    @Test
    @Proves(Duty.GDPR_5_1_C)
    void theQueueShowsNoPersonalData() {
        String marker = UUID.randomUUID().toString();
        Handoff handoff = new Handoff().about("pl", "Podwójne obciążenie karty " + marker).withConsent();
        String id = handoff.handOff(api);
        // found by its own reason: the queue may hold any number of older chats (a server in use, an earlier run)
        var queue = api.get("api/v1/escalations?status=WAITING&reason=" + marker, Api.AGENT2);
        assertEquals(200, queue.status());
        assertEquals("1", queue.header("Consentry-Total"));
        JsonObject item = queue.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("id").equals(id)).findFirst().orElseThrow();
        assertEquals("pl", item.getString("language"));
        assertEquals(2, item.getInt("messageCount"));
        assertEquals("Podwójne obciążenie karty " + marker, item.getString("reason"));
        assertTrue(item.getJsonNumber("waitingSeconds").longValue() >= 0);
        for (String secret : Handoff.secrets()) {
            assertFalse(queue.text().contains(secret), "the queue shows personal data");
        }
        assertFalse(queue.text().contains(handoff.subjectId));
    }

    @Test
    @Proves({Duty.GDPR_25, Duty.GDPR_32})
    void theWholeConversationFromHandoffToResolve() {
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);

        var claimed = api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        assertEquals(200, claimed.status(), claimed::toString);
        assertEquals("ASSIGNED", claimed.json().getString("status"));
        assertEquals("agent1", claimed.json().getString("agent"));
        assertEquals(409, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT2, "").problem().getInt("status"));

        var view = api.get("api/v1/escalations/" + id, Api.AGENT1);
        assertEquals(200, view.status());
        assertTrue(view.header("Cache-Control").contains("no-store"), view.header("Cache-Control"));
        JsonObject detail = view.json();
        assertTrue(detail.getBoolean("botPaused"));
        assertEquals("K*** W***", detail.getJsonObject("customer").getString("name"));
        assertEquals("k***@e***.pl", detail.getJsonObject("customer").getString("email"));
        assertEquals("+48 *** *** 567", detail.getJsonObject("customer").getString("phone"));
        JsonObject first = detail.getJsonArray("transcript").getJsonObject(0);
        String text = first.getString("text");
        assertTrue(text.contains("**** 1111"), text);
        for (String secret : Handoff.secrets()) {
            assertFalse(view.text().contains(secret), "the masked view shows personal data");
        }
        List<JsonObject> masks = first.getJsonArray("masks").getValuesAs(JsonObject.class);
        assertEquals(List.of("CARD", "PESEL", "EMAIL"), masks.stream().map(m -> m.getString("type")).toList());
        for (JsonObject mask : masks) {
            assertEquals(text.substring(mask.getInt("start"), mask.getInt("end")).length(), mask.getInt("end") - mask.getInt("start"));
        }
        String cardToken = masks.get(0).getString("field");

        var card = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1,
                "{\"field\":\"" + cardToken + "\",\"reason\":\"customer disputes a double charge\"}");
        assertEquals(200, card.status(), card::toString);
        assertEquals(Handoff.CARD, card.json().getString("value"));
        var email = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1,
                "{\"field\":\"customer.email\",\"reason\":\"sending the refund confirmation\"}");
        assertEquals(Handoff.EMAIL, email.json().getString("value"));
        var noReason = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1, "{\"field\":\"customer.phone\",\"reason\":\"\"}");
        assertEquals(400, noReason.status());

        var fromBot = api.post("api/v1/escalations/" + id + "/messages", Api.BOT, "{\"text\":\"Czy ktoś tam jest?\"}");
        assertEquals(201, fromBot.status(), fromBot::toString);
        assertEquals("agent1", fromBot.json().getString("heldBy"));
        assertFalse(fromBot.json().getBoolean("botMayAnswer"));

        var reply = api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1, "{\"text\":\"Zwrot został zlecony.\"}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("poll", reply.json().getString("delivery"));
        var relayed = api.get("api/v1/escalations/" + id + "/messages?after=0", Api.BOT).structure().asJsonArray();
        assertEquals(1, relayed.size());
        assertEquals("Zwrot został zlecony.", relayed.getJsonObject(0).getString("text"));
        assertEquals("agent1", relayed.getJsonObject(0).getString("agent"));
        int seq = relayed.getJsonObject(0).getInt("seq");
        assertEquals(0, api.get("api/v1/escalations/" + id + "/messages?after=" + seq, Api.BOT).structure().asJsonArray().size());

        var resolved = api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "");
        assertEquals("RESOLVED", resolved.json().getString("status"));
        assertEquals(404, api.get("api/v1/escalations/" + id, Api.AGENT1).status(), "the agent's access ends");
        assertEquals("RESOLVED", api.get("api/v1/escalations/" + id, Api.ADMIN).json().getString("status"));
        assertEquals(409, api.post("api/v1/escalations/" + id + "/messages", Api.BOT, "{\"text\":\"jeszcze\"}").status());

        var audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=50", Api.ADMIN);
        List<String> actions = audit.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("consent.grant", "consent.check", "escalation.claim", "escalation.view",
                "escalation.reveal", "escalation.relay", "escalation.resolve")), actions::toString);
        JsonObject revealed = audit.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("escalation.reveal") && e.getString("field").equals("original"))
                .findFirst().orElseThrow();
        assertTrue(revealed.getString("detail").contains("reason: customer disputes a double charge"), revealed::toString);
        for (String secret : Handoff.secrets()) {
            assertFalse(audit.text().contains(secret), "the audit holds personal data");
        }
    }

    /** Issue 28: numbers as customers copy them off statements and invoices reached the agent in clear. */
    @Test
    @Proves(Duty.GDPR_25)
    void numbersAsPeopleWriteThemReachTheAgentMaskedAndAreRevealedWithAReason() {
        String belgian = "BE 85 0017 1352 5006";
        String norwegian = "NO 5314300642641";
        String macedonian = "MK072 5012 0000 0589 84";
        String regon = "123456785";
        String vat = "PL 526-025-02-74";
        Handoff handoff = new Handoff().withConsent().says("Przelew z " + belgian + ", " + norwegian + " albo " + macedonian
                + "; nasz REGON " + regon + ", VAT UE " + vat + ".");
        String id = handoff.handOff(api);
        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());

        var view = api.get("api/v1/escalations/" + id, Api.AGENT1);
        JsonObject line = view.json().getJsonArray("transcript").getJsonObject(2);
        String text = line.getString("text");
        for (String clear : List.of(belgian, norwegian, macedonian, regon, vat, "0017 1352", "5314300642641", "526-025-02")) {
            assertFalse(view.text().contains(clear), () -> clear + " in clear: " + text);
        }
        assertEquals("Przelew z BE** **** 5006, NO** **** 2641 albo MK** **** 8984; nasz REGON *******85, VAT UE PL********74.", text);
        List<JsonObject> masks = line.getJsonArray("masks").getValuesAs(JsonObject.class);
        assertEquals(List.of("IBAN", "IBAN", "IBAN", "REGON", "EU_VAT"), masks.stream().map(m -> m.getString("type")).toList());

        var revealed = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1,
                "{\"field\":\"" + masks.get(3).getString("field") + "\",\"reason\":\"invoice for a sole trader\"}");
        assertEquals(200, revealed.status(), revealed::toString);
        assertEquals(regon, revealed.json().getString("value"));
        var audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=50", Api.ADMIN);
        assertTrue(audit.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("action").equals("escalation.reveal")
                        && e.getString("detail").contains("reason: invoice for a sole trader")), audit::text);
        assertFalse(audit.text().contains(regon), "the audit holds the value");
    }

    /** Found by EndpointFuzzIT: such a reveal answered 200 without a value and counted against the limit. */
    @Test
    void revealingAValueTheCustomerNeverGaveIsNotFoundAndNotAnOpening() {
        Handoff handoff = new Handoff().customer("Jan Nowak", "jan.nowak@example.org", null).withConsent();
        String id = handoff.handOff(api);
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        var phone = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1,
                "{\"field\":\"customer.phone\",\"reason\":\"calling the customer back\"}");
        assertEquals(404, phone.status(), phone::toString);
        assertEquals("field", phone.problem().getString("field"));
        var audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=100", Api.ADMIN).structure().asJsonArray();
        assertTrue(audit.getValuesAs(JsonObject.class).stream().noneMatch(e -> e.getString("action").equals("escalation.reveal")),
                "nothing was opened, so nothing counts against the agent's reveal limit: " + audit);
        var email = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1,
                "{\"field\":\"customer.email\",\"reason\":\"calling the customer back\"}");
        assertEquals("jan.nowak@example.org", email.json().getString("value"), "a value that was given is revealed");
    }

    @Test
    void aWaitingConversationLetsTheBotAnswer() {
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        var fromBot = api.post("api/v1/escalations/" + id + "/messages", Api.BOT, "{\"text\":\"Jestem nadal\"}");
        assertEquals("WAITING", fromBot.json().getString("status"));
        assertTrue(fromBot.json().getBoolean("botMayAnswer"));
        assertNull(fromBot.json().get("heldBy"));
    }

    @Test
    void theBotIsSilencedOnceAHumanJoins() {
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        var whileWaiting = api.post("api/v1/escalations/" + id + "/messages", Api.BOT,
                "{\"text\":\"Łączę z konsultantem.\",\"from\":\"bot\"}");
        assertEquals(201, whileWaiting.status(), whileWaiting::toString);
        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());

        int before = api.get("api/v1/escalations/" + id, Api.AGENT1).json().getJsonArray("transcript").size();
        var afterJoin = api.post("api/v1/escalations/" + id + "/messages", Api.BOT,
                "{\"text\":\"Mogę jeszcze pomóc?\",\"from\":\"bot\"}");
        assertEquals(409, afterJoin.status(), afterJoin::toString);
        assertTrue(afterJoin.problem().getString("type").endsWith("human-holds-conversation"), afterJoin::toString);
        assertEquals(before, api.get("api/v1/escalations/" + id, Api.AGENT1).json().getJsonArray("transcript").size(),
                "nothing the bot wrote is stored once a human holds the conversation");
        assertEquals(201, api.post("api/v1/escalations/" + id + "/messages", Api.BOT, "{\"text\":\"Jestem nadal\"}").status(),
                "the customer's messages still go through");
        assertEquals(400, api.post("api/v1/escalations/" + id + "/messages", Api.BOT,
                "{\"text\":\"x\",\"from\":\"robot\"}").status(), "from is customer or bot");
        var transcript = api.get("api/v1/escalations/" + id, Api.AGENT1).json().getJsonArray("transcript")
                .getValuesAs(JsonObject.class);
        assertTrue(transcript.stream().anyMatch(m -> m.getString("from").equals("BOT")
                && m.getString("text").equals("Łączę z konsultantem.")), transcript::toString);
    }

    @Test
    @Proves(Duty.GDPR_7_3)
    void consentWithdrawnAfterTheHandoffStopsFurtherMessages() {
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        api.delete("api/v1/subjects/" + handoff.subjectId + "/consents/support-handoff", Api.BOT);
        var reply = api.post("api/v1/escalations/" + id + "/messages", Api.BOT, "{\"text\":\"Mój numer 601 234 567\"}");
        assertEquals(403, reply.status(), reply::toString);
        assertTrue(reply.problem().getString("type").endsWith("consent-required"));
    }

    @Test
    void limitsAreEnforcedWithProblemsThatNameThem() {
        Handoff tooLong = new Handoff().withConsent().lines(250);
        var many = api.post("api/v1/escalations", Api.BOT, tooLong.json());
        assertEquals(413, many.status(), many::toString);
        assertEquals("transcript", many.problem().getString("field"));

        Handoff bigLine = new Handoff().withConsent().lineChars(5000);
        var big = api.post("api/v1/escalations", Api.BOT, bigLine.json());
        assertEquals(400, big.status(), big::toString);
        assertEquals("transcript[2].text", big.problem().getString("field"));

        Handoff external = new Handoff().withConsent().callback("https://attacker.example/hook");
        var ssrf = api.post("api/v1/escalations", Api.BOT, external.json());
        assertEquals(400, ssrf.status());
        assertTrue(ssrf.problem().getString("type").endsWith("callback-not-allowed"));
        assertEquals("callbackUrl", ssrf.problem().getString("field"));

        var invalid = api.post("api/v1/escalations", Api.BOT, new Handoff().json().replace("\"pl\"", "\"de\"")
                .replace("k.wisniewska@example.pl", "not-an-email"));
        assertEquals(400, invalid.status());
        var fields = invalid.problem().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("language", "customer.email")), fields::toString);
    }
}
