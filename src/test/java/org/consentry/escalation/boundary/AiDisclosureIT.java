package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AI Act Art. 50: the handoff records whether the bot disclosed that it is an AI, a claim records when a
 * human joined (and tells the bot), and the admin's report lists the conversations without a disclosure.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Proves(Duty.AI_ACT_50)
class AiDisclosureIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void theReportListsTheConversationsWithoutARecordedDisclosure() {
        Api api = new Api(base);
        Instant from = Instant.now().minusSeconds(1);
        Handoff shown = new Handoff().aiDisclosure(true).withConsent();
        Handoff notShown = new Handoff().aiDisclosure(false).withConsent();
        Handoff silent = new Handoff().withConsent();
        String shownId = shown.handOff(api);
        String notShownId = notShown.handOff(api);
        String silentId = silent.handOff(api);
        Instant to = Instant.now().plusSeconds(1);

        var reply = api.get("api/v1/reports/ai-disclosure?from=" + from + "&to=" + to, Api.ADMIN);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject report = reply.json();
        Map<String, String> listed = report.getJsonArray("withoutDisclosure").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("escalationId"), c -> c.getString("aiDisclosure")));
        assertEquals("NOT_SHOWN", listed.get(notShownId), report::toString);
        assertEquals("NOT_RECORDED", listed.get(silentId), report::toString);
        assertFalse(listed.containsKey(shownId), "a shown disclosure is not listed: " + report);
        // other tests may hand off in the same window: the counts are at least ours, and add up
        assertTrue(report.getInt("shown") >= 1 && report.getInt("notShown") >= 1 && report.getInt("notRecorded") >= 1);
        assertEquals(report.getInt("conversations"), report.getInt("shown") + report.getInt("notShown") + report.getInt("notRecorded"));
        assertFalse(reply.text().contains(Handoff.EMAIL) || reply.text().contains("Wiśniewska"), "no personal data");
    }

    @Test
    void aClaimRecordsThatAHumanJoinedAndTheBotIsTold() {
        Api api = new Api(base);
        Handoff handoff = new Handoff().aiDisclosure(true).withConsent();
        String id = handoff.handOff(api);
        JsonObject before = api.post("api/v1/escalations/" + id + "/messages", Api.BOT, "{\"text\":\"Halo?\"}").json();
        assertFalse(before.containsKey("humanJoinedAt"), "no human yet: " + before);
        assertTrue(before.getBoolean("botMayAnswer"));

        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        JsonObject after = api.post("api/v1/escalations/" + id + "/messages", Api.BOT, "{\"text\":\"Jest ktoś?\"}").json();
        assertFalse(after.getBoolean("botMayAnswer"));
        Instant joined = Instant.parse(after.getString("humanJoinedAt"));
        JsonObject detail = api.get("api/v1/escalations/" + id, Api.AGENT1).json();
        assertEquals(joined, Instant.parse(detail.getString("humanJoinedAt")));
        assertEquals(joined, Instant.parse(detail.getString("claimedAt")));
        assertEquals("SHOWN", detail.getString("aiDisclosure"));

        String window = "?from=" + enc(joined.minusSeconds(60)) + "&to=" + enc(Instant.now().plusSeconds(1));
        JsonObject report = api.get("api/v1/reports/ai-disclosure" + window, Api.ADMIN).json();
        assertTrue(report.getInt("humanJoined") >= 1, report::toString);
    }

    @Test
    void onlyAdminsReadTheReportAndItsWindowIsChecked() {
        Api api = new Api(base);
        assertEquals(403, api.get("api/v1/reports/ai-disclosure", Api.AGENT1).problem().getInt("status"));
        assertEquals(403, api.get("api/v1/reports/ai-disclosure", Api.BOT).problem().getInt("status"));
        var backwards = api.get("api/v1/reports/ai-disclosure?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", Api.ADMIN);
        assertEquals(400, backwards.status(), backwards::toString);
        assertEquals("from", backwards.problem().getString("field"));
        var notATime = api.get("api/v1/reports/ai-disclosure?from=yesterday", Api.ADMIN);
        assertEquals(400, notATime.status());
        var notABoolean = api.post("api/v1/escalations", Api.BOT, new Handoff().json().replace("\"language\"",
                "\"aiDisclosureShown\":\"yes\",\"language\""));
        assertEquals(400, notABoolean.status(), notABoolean::toString);
    }

    private static String enc(Instant at) {
        return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
    }
}
