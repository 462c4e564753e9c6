package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
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
 * 24 agents (each with their own MP JWT identity) claim the same escalation at the same moment:
 * exactly one wins, every other gets 409, and the escalation names the winner.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClaimRaceIT {

    static final int AGENTS = 24;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(Tokens.serverConfig());
    }

    @ArquillianResource
    URL base;

    @Test
    void exactlyOneAgentWins() throws Exception {
        Api api = new Api(base);
        for (int round = 0; round < 3; round++) {
            String id = new Handoff().withConsent().handOff(api);
            ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Api.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < AGENTS; i++) {
                    String token = Tokens.token("agent-" + round + "-" + i, "agent");
                    replies.add(pool.submit(() -> {
                        start.await();
                        return api.send(api.request("api/v1/escalations/" + id + "/claim", Api.ANONYMOUS)
                                .header("Authorization", "Bearer " + token)
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
                    }));
                }
                start.countDown();
                List<String> winners = new ArrayList<>();
                int conflicts = 0;
                for (Future<Api.Reply> future : replies) {
                    Api.Reply reply = future.get();
                    if (reply.status() == 200) {
                        winners.add(reply.json().getString("agent"));
                    } else {
                        assertEquals(409, reply.status(), reply::toString);
                        assertTrue(reply.problem().getString("type").endsWith("already-claimed"));
                        conflicts++;
                    }
                }
                assertEquals(1, winners.size(), "winners: " + winners);
                assertEquals(AGENTS - 1, conflicts);
                var detail = api.get("api/v1/escalations/" + id, Api.ADMIN).json();
                assertEquals(winners.get(0), detail.getString("agent"));
                assertEquals("ASSIGNED", detail.getString("status"));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
