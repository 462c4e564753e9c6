package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Security review finding 5 (issue 14): the reveal limit is atomic. One agent sends 50 reveals at the
 * same moment with a limit of {@value #LIMIT} per hour: exactly {@value #LIMIT} values are revealed, the
 * rest answer 429 reveal-limit with Retry-After, and the audit shows {@value #LIMIT} reveals allowed and
 * every other one denied. Counting past reveals and then revealing let parallel reveals overshoot.
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
        for (Api.Reply reply : replies) {
            if (reply.status() == 200) {
                assertEquals(Handoff.EMAIL, reply.json().getString("value"));
                revealed++;
            } else {
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
}
