package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Security review finding 5 (issue 14): the reveal limit is atomic. One agent sends 50 reveals at the
 * same moment with a limit of {@value #LIMIT} per hour: exactly {@value #LIMIT} values are revealed, the
 * rest answer 429 reveal-limit with Retry-After, and the audit shows {@value #LIMIT} reveals allowed and
 * every other one denied. Counting past reveals and then revealing let parallel reveals overshoot.
 * Every answer states the limit in the RateLimit fields (draft-ietf-httpapi-ratelimit-headers-09): the
 * reveals allowed saw each remaining count once, the refused ones none left and Retry-After.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RevealLimitAtomicIT {

    static final int LIMIT = 7;
    static final int REVEALS = 50;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(Tokens.serverConfig()
                + "consentry.reveal.limit=" + LIMIT + "\nconsentry.reveal.window=PT1H\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void fiftyParallelRevealsNeverExceedTheLimit() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        // an agent of its own (MP JWT), so that no other test's reveals count against this one's limit
        String token = Tokens.token("agent-reveals-" + UUID.randomUUID(), "agent");
        var claimed = api.send(api.request("api/v1/escalations/" + id + "/claim", Api.ANONYMOUS)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, claimed.status(), claimed::toString);

        List<Api.Reply> replies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(REVEALS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < REVEALS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.send(api.request("api/v1/escalations/" + id + "/reveal", Api.ANONYMOUS)
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"field\":\"customer.email\",\"reason\":\"confirming the refund address\"}")));
                }));
            }
            start.countDown();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        int revealed = 0;
        int refused = 0;
        List<String> retryAfters = new ArrayList<>();
        Set<Long> remainingSeen = new TreeSet<>();
        for (Api.Reply reply : replies) {
            RateLimitSeen fields = RateLimitSeen.of(reply, "reveal");
            assertEquals(LIMIT, fields.quota());
            assertEquals(3600, fields.window());
            if (reply.status() == 200) {
                assertEquals(Handoff.EMAIL, reply.json().getString("value"));
                remainingSeen.add(fields.remaining());
                revealed++;
            } else {
                assertEquals(0, fields.remaining(), reply::toString);
                assertEquals(reply.header("Retry-After"), String.valueOf(fields.reset()));
                assertEquals(429, reply.status(), reply::toString);
                JsonObject problem = reply.problem();
                assertTrue(problem.getString("type").endsWith("reveal-limit"), problem::toString);
                assertEquals(LIMIT, problem.getInt("limit"));
                retryAfters.add(reply.header("Retry-After"));
                refused++;
            }
        }
        assertEquals(LIMIT, revealed, "values revealed of " + REVEALS + " parallel reveals (limit " + LIMIT + ")");
        assertEquals(REVEALS - LIMIT, refused);
        assertEquals(LongStream.range(0, LIMIT).boxed().toList(), List.copyOf(remainingSeen),
                "each allowed reveal took one token: every remaining count from " + (LIMIT - 1) + " to 0 once");
        for (String retryAfter : retryAfters) {
            assertTrue(retryAfter != null && retryAfter.matches("[1-9]\\d*"), "Retry-After: " + retryAfter);
            assertTrue(Long.parseLong(retryAfter) <= 3600, "no longer than the window: " + retryAfter);
        }

        List<JsonObject> audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId, Api.ADMIN).structure()
                .asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("escalation.reveal")).toList();
        assertEquals(LIMIT, audit.stream().filter(e -> e.getString("outcome").equals("ALLOWED")).count(), audit::toString);
        assertEquals(REVEALS - LIMIT, audit.stream().filter(e -> e.getString("outcome").equals("DENIED")).count(),
                audit::toString);
    }

    /**
     * One reveal after the other: each success states the configured policy, one token fewer than the one
     * before and when the quota is full again; the refusal states none left, reset when Retry-After says.
     */
    @Test
    void everyRevealStatesWhatIsLeftOfTheLimit() {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        String agent = "agent-fields-" + UUID.randomUUID();
        String token = Tokens.token(agent, "agent");
        var claimed = api.send(api.request("api/v1/escalations/" + id + "/claim", Api.ANONYMOUS)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, claimed.status(), claimed::toString);
        assertEquals(null, claimed.header("RateLimit"), "a claim is not rate-limited");

        for (int i = 1; i <= LIMIT; i++) {
            Api.Reply reply = reveal(api, id, token);
            assertEquals(200, reply.status(), reply::toString);
            assertEquals("\"reveal\";q=" + LIMIT + ";w=3600", reply.header("RateLimit-Policy"));
            RateLimitSeen fields = RateLimitSeen.of(reply, "reveal");
            assertEquals(LIMIT - i, fields.remaining(), "reveal " + i + ": " + reply.header("RateLimit"));
            assertEquals(RateLimitSeen.untilFull(LIMIT, 3600, LIMIT - i), fields.reset(), reply.header("RateLimit"));
            assertFalse(reply.header("RateLimit").contains(agent) || reply.header("RateLimit-Policy").contains(agent));
        }
        Api.Reply refused = reveal(api, id, token);
        assertEquals(429, refused.status(), refused::toString);
        assertEquals("\"reveal\";q=" + LIMIT + ";w=3600", refused.header("RateLimit-Policy"));
        assertEquals("\"reveal\";r=0;t=" + refused.header("Retry-After"), refused.header("RateLimit"));
        assertEquals(refused.problem().getJsonNumber("retryAfterSeconds").longValue(), RateLimitSeen.of(refused, "reveal").reset());
    }

    private static Api.Reply reveal(Api api, String id, String token) {
        return api.send(api.request("api/v1/escalations/" + id + "/reveal", Api.ANONYMOUS)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"field\":\"customer.email\",\"reason\":\"confirming the refund address\"}")));
    }
}
