package org.consentry.erasure.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.StandIn;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An erasure whose local part is done and whose CRM notice is still undelivered (the CRM is down)
 * survives the application being stopped and started again: nothing of it lived in memory. Once the
 * CRM is back, the restarted application delivers the notice, once, and the request completes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErasureRestartIT {

    static final String APP = "restarted";
    static final StandIn CRM = new StandIn();

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.retention.sweep.every=PT0S
                consentry.erasure.poll=PT0.5S
                consentry.crm.url=%s
                consentry.crm.secret=whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=
                consentry.crm.allow-http=true
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.lease=PT1S
                consentry.outbox.request-timeout=PT0.5S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                """.formatted(CRM.url("/crm/events")));
    }

    @ArquillianResource
    Deployer deployer;

    @AfterEach
    void tearDown() {
        CRM.down();
        deployer.undeploy(APP);
    }

    @Test
    @Proves({Duty.GDPR_17, Duty.GDPR_19})
    void anErasureAwaitingTheCrmSurvivesARestartAndCompletesOnce() throws Exception {
        deployer.deploy(APP);
        Api api = new Api(new URL("http://localhost:" + System.getProperty("it.http.port", "19080") + "/"));
        Handoff handoff = new Handoff().withConsent();
        handoff.handOff(api);

        Api.Reply accepted = api.delete("api/v1/subjects/" + handoff.subjectId, Api.ADMIN);
        assertEquals(202, accepted.status(), accepted::toString);
        String request = "api/v1/erasures/" + accepted.json().getString("requestId");
        Eventually.until("the local erasure is done and the CRM notice waits", Duration.ofSeconds(30),
                () -> "AWAITING_CRM".equals(api.get(request, Api.ADMIN).json().getString("status")));
        Thread.sleep(1500); // the notice's first attempts fail against the CRM that is down

        deployer.undeploy(APP);
        CRM.up();
        deployer.deploy(APP);

        Eventually.until("the restarted application completes the erasure", Duration.ofSeconds(60),
                () -> "COMPLETED".equals(api.get(request, Api.ADMIN).json().getString("status")));
        JsonObject done = api.get(request, Api.ADMIN).json();
        assertTrue(done.getJsonArray("steps").getJsonObject(2).getString("receipt").contains("DELIVERED"), done::toString);
        Thread.sleep(1000);
        List<StandIn.Request> notices = CRM.received.stream()
                .filter(r -> r.body().contains("\"subject.erase\"") && r.body().contains(handoff.subjectId)).toList();
        // Delivery is at least once (an attempt whose answer came after the 0.5 s timeout is sent again,
        // as on a slow machine): every attempt carries the one signed webhook-id, which the CRM applies once.
        assertFalse(notices.isEmpty(), "the CRM got the notice");
        assertEquals(1, notices.stream().map(r -> r.header("webhook-id")).distinct().count(),
                () -> "one delivery, however many attempts: " + notices.stream().map(r -> r.header("webhook-id")).toList());
        assertNotNull(notices.get(0).header("webhook-id"));
        assertEquals(0, api.get("api/v1/subjects/" + handoff.subjectId + "/export", Api.ADMIN).json()
                .getJsonArray("escalations").size(), "nothing of the subject is left");
    }
}
