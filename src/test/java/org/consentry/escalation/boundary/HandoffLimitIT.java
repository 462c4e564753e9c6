package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security review finding 5 (issue 14): handoffs are limited per bot client. With a limit of
 * {@value #LIMIT} per hour, a client's next new handoff is refused with 429 handoff-limit and Retry-After,
 * and nothing of it is stored; a repeat of a conversation it already handed over still answers, and
 * another client is not held back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandoffLimitIT {

    static final int LIMIT = 3;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(Tokens.serverConfig()
                + "consentry.handoff.limit=" + LIMIT + "\nconsentry.handoff.window=PT1H\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void aBotClientPastItsLimitIsToldWhenToComeBackAndNothingIsStored() {
        Api api = new Api(base);
        String marker = "limit-" + UUID.randomUUID();
        String client = Tokens.token("bot-client-" + UUID.randomUUID(), "bot");
        List<Handoff> handoffs = new ArrayList<>();
        for (int i = 0; i <= LIMIT; i++) {
            handoffs.add(new Handoff().about("pl", "Reklamacja " + marker).withConsent());
        }
        for (int i = 0; i < LIMIT; i++) {
            var created = post(api, client, handoffs.get(i));
            assertEquals(201, created.status(), created::toString);
        }
        var refused = post(api, client, handoffs.get(LIMIT));
        assertEquals(429, refused.status(), refused::toString);
        JsonObject problem = refused.problem();
        assertTrue(problem.getString("type").endsWith("handoff-limit"), problem::toString);
        assertEquals(LIMIT, problem.getInt("limit"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600 / LIMIT, "Retry-After " + retryAfter);
        assertEquals(retryAfter, problem.getJsonNumber("retryAfterSeconds").longValue());

        var queue = api.get("api/v1/escalations?status=WAITING&reason=" + marker, Api.AGENT1);
        assertEquals(String.valueOf(LIMIT), queue.header("Consentry-Total"), "the refused handoff was not stored: " + queue);

        var repeat = post(api, client, handoffs.get(0));
        assertEquals(200, repeat.status(), "a conversation already handed over is answered, not counted: " + repeat);
        var other = api.post("api/v1/escalations", Api.BOT, handoffs.get(LIMIT).json());
        assertEquals(201, other.status(), "another client has a bucket of its own: " + other);
    }

    private static Api.Reply post(Api api, String token, Handoff handoff) {
        return api.send(api.request("api/v1/escalations", Api.ANONYMOUS).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(handoff.json())));
    }
}
