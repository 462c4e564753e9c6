package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.consentry.testing.RateLimitSeen;
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
 * another client is not held back. Each answer states the policy and what is left of it in the RateLimit
 * fields (draft-ietf-httpapi-ratelimit-headers-09), the refusal none left until Retry-After.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandoffLimitIT {

    static final int LIMIT = 3;
    static final String POLICY = "\"handoff\";q=" + LIMIT + ";w=3600";

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
        String name = "bot-client-" + UUID.randomUUID();
        String client = Tokens.token(name, "bot");
        List<Handoff> handoffs = new ArrayList<>();
        for (int i = 0; i <= LIMIT; i++) {
            handoffs.add(new Handoff().about("pl", "Reklamacja " + marker).withConsent());
        }
        for (int i = 0; i < LIMIT; i++) {
            var created = post(api, client, handoffs.get(i));
            assertEquals(201, created.status(), created::toString);
            assertEquals(POLICY, created.header("RateLimit-Policy"));
            RateLimitSeen fields = RateLimitSeen.of(created, "handoff");
            assertEquals(LIMIT - 1 - i, fields.remaining(), "handoff " + i + ": " + created.header("RateLimit"));
            assertEquals(RateLimitSeen.untilFull(LIMIT, 3600, LIMIT - 1 - i), fields.reset(), created.header("RateLimit"));
            assertFalse(created.header("RateLimit").contains(name), "no caller in the fields");
        }
        var refused = post(api, client, handoffs.get(LIMIT));
        assertEquals(429, refused.status(), refused::toString);
        assertEquals(POLICY, refused.header("RateLimit-Policy"));
        assertEquals("\"handoff\";r=0;t=" + refused.header("Retry-After"), refused.header("RateLimit"));
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
        assertEquals(POLICY, repeat.header("RateLimit-Policy"));
        assertEquals(0, RateLimitSeen.of(repeat, "handoff").remaining(), "a repeat takes nothing and states what is left");
        var other = api.post("api/v1/escalations", Api.BOT, handoffs.get(LIMIT).json());
        assertEquals(201, other.status(), "another client has a bucket of its own: " + other);
        assertEquals(POLICY, other.header("RateLimit-Policy"));
        RateLimitSeen.of(other, "handoff");
    }

    private static Api.Reply post(Api api, String token, Handoff handoff) {
        return api.send(api.request("api/v1/escalations", Api.ANONYMOUS).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(handoff.json())));
    }
}
