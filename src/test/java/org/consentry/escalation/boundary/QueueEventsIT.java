package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.EventStream;
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

    @Test
    void agentsHearOfTheQueueAndCanCatchUp() throws Exception {
        Api api = new Api(base);
        try (EventStream events = EventStream.open(api, Api.AGENT2, null)) {
            Thread.sleep(700); // subscribed before the handoff
            Handoff handoff = new Handoff().withConsent();
            String id = handoff.handOff(api);
            EventStream.Event waiting = events.next(id, "escalation.waiting", 10);
            assertTrue(waiting.data().contains("\"status\":\"WAITING\""), waiting::toString);
            api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
            EventStream.Event claimed = events.next(id, "escalation.claimed", 10);
            api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, "");
            EventStream.Event resolved = events.next(id, "escalation.resolved", 10);
            assertTrue(Long.parseLong(waiting.id()) < Long.parseLong(claimed.id()));
            assertTrue(Long.parseLong(claimed.id()) < Long.parseLong(resolved.id()));
            for (EventStream.Event e : List.of(waiting, claimed, resolved)) {
                for (String secret : Handoff.secrets()) {
                    assertFalse(e.data().contains(secret), "an event holds personal data");
                }
                assertFalse(e.data().contains(handoff.subjectId));
            }

            // a client that reconnects with Last-Event-ID receives what it missed
            try (EventStream replay = EventStream.open(api, Api.AGENT2, waiting.id())) {
                assertEquals(claimed.id(), replay.next(id, "escalation.claimed", 10).id());
                assertEquals(resolved.id(), replay.next(id, "escalation.resolved", 10).id());
            }
        }
    }
}
