package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agents hear of new, claimed and resolved escalations as server-sent events, without personal data. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueueEventsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    record Event(String id, String name, String data) {
    }

    @Test
    void agentsHearOfTheQueueAndCanCatchUp() throws Exception {
        Api api = new Api(base);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread listener = listen(api, null, events);
        try {
            Thread.sleep(700); // subscribed before the handoff
            Handoff handoff = new Handoff().consent(api);
            String id = handoff.handOff(api);
            Event waiting = next(events, id, "escalation.waiting");
            assertTrue(waiting.data().contains("\"status\":\"WAITING\""), waiting::toString);
            api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
            Event claimed = next(events, id, "escalation.claimed");
            api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "");
            Event resolved = next(events, id, "escalation.resolved");
            assertTrue(Long.parseLong(waiting.id()) < Long.parseLong(claimed.id()));
            assertTrue(Long.parseLong(claimed.id()) < Long.parseLong(resolved.id()));
            for (Event e : List.of(waiting, claimed, resolved)) {
                for (String secret : Handoff.secrets()) {
                    assertFalse(e.data().contains(secret), "an event holds personal data");
                }
                assertFalse(e.data().contains(handoff.subjectId));
            }

            // a client that reconnects with Last-Event-ID receives what it missed
            BlockingQueue<Event> replay = new LinkedBlockingQueue<>();
            Thread again = listen(api, waiting.id(), replay);
            try {
                assertEquals(claimed.id(), next(replay, id, "escalation.claimed").id());
                assertEquals(resolved.id(), next(replay, id, "escalation.resolved").id());
            } finally {
                again.interrupt();
            }
        } finally {
            listener.interrupt();
        }
    }

    private static Event next(BlockingQueue<Event> events, String escalationId, String name) throws InterruptedException {
        List<Event> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Event e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.name().equals(name) && e.data().contains(escalationId)) {
                return e;
            }
            if (e != null) {
                skipped.add(e);
            }
        }
        throw new AssertionError("no " + name + " for " + escalationId + "; got " + skipped);
    }

    private static Thread listen(Api api, String lastEventId, BlockingQueue<Event> into) {
        HttpRequest.Builder request = api.request("api/v1/escalations/events", Api.AGENT2)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        Thread thread = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String id = null;
                    String name = null;
                    StringBuilder data = new StringBuilder();
                    for (String line; (line = lines.readLine()) != null && !Thread.currentThread().isInterrupted(); ) {
                        if (line.isEmpty()) {
                            if (name != null) {
                                into.add(new Event(id, name, data.toString()));
                            }
                            id = null;
                            name = null;
                            data.setLength(0);
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                }
            } catch (Exception e) {
                // the test interrupts the listener when it is done
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
