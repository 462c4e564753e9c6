package org.consentry.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.Metrics;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The metrics move with what is done: a consent denial, a reveal, an erasure, a retention sweep. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.retention.sweep.every=PT0S
                consentry.erasure.poll=PT0.5S
                """);
    }

    @ArquillianResource
    URL base;

    @Test
    @Proves(Duty.GDPR_32)
    void countersAndGaugesMoveWithTheOperations() throws Exception {
        Api api = new Api(base);
        String before = Metrics.scrape();
        Handoff refused = new Handoff();
        assertEquals(403, api.post("api/v1/escalations", Api.BOT, refused.json()).status());

        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        var revealed = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1,
                "{\"field\":\"customer.phone\",\"reason\":\"metrics: call back the customer\"}");
        assertEquals(Handoff.PHONE, revealed.json().getString("value"), revealed::toString);
        assertEquals(202, api.delete("api/v1/subjects/" + handoff.subjectId, Api.ADMIN).status());
        assertEquals(200, api.post("api/v1/retention/sweeps", Api.ADMIN, "").status());

        String[] after = new String[1];
        try {
            Eventually.until("the erasure done and counted", Duration.ofSeconds(20), () -> {
                after[0] = Metrics.scrape();
                // the counters move at commit; the gauges read the database at most every 5 s
                return Metrics.value(after[0], "consentry_erasures_total", "event=\"erased\"")
                        > Metrics.value(before, "consentry_erasures_total", "event=\"erased\"")
                        && Metrics.value(after[0], "consentry_erasure_requests", "state=\"COMPLETED\"") >= 1;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + after[0].lines().filter(l -> l.startsWith("consentry")).toList(), e);
        }
        String now = after[0];
        assertEquals(1, Metrics.value(now, "consentry_consent_denials_total", "purpose=\"support-handoff\"")
                - Metrics.value(before, "consentry_consent_denials_total", "purpose=\"support-handoff\""), now);
        assertEquals(1, Metrics.value(now, "consentry_reveals_total", "outcome=\"ALLOWED\"")
                - Metrics.value(before, "consentry_reveals_total", "outcome=\"ALLOWED\""), now);
        assertEquals(1, Metrics.value(now, "consentry_erasures_total", "event=\"requested\"")
                - Metrics.value(before, "consentry_erasures_total", "event=\"requested\""), now);
        assertEquals(1, Metrics.value(now, "consentry_key_operations_total", "operation=\"shred\"")
                - Metrics.value(before, "consentry_key_operations_total", "operation=\"shred\""), now);
        assertTrue(Metrics.value(now, "consentry_key_data_keys", "operation=\"wrap\"") > Metrics.value(before, "consentry_key_data_keys",
                "operation=\"wrap\""), "the new subject's data key was wrapped: " + now);
        assertTrue(now.contains("consentry_key_data_keys{mp_scope=\"application\",operation=\"unwrap\""), now);
        assertEquals(1, Metrics.value(now, "consentry_retention_sweeps_total", "") - Metrics.value(before, "consentry_retention_sweeps_total", ""), now);
        assertTrue(Metrics.value(now, "consentry_retention_sweep_duration_seconds_count", "") >= 1, now);
        assertTrue(now.contains("consentry_retention_swept_rows_total{action=\"deleted\""), now);
        assertTrue(Metrics.value(now, "consentry_erasure_requests", "state=\"COMPLETED\"") >= 1, now);
        assertTrue(now.contains("consentry_erasure_past_deadline"), now);
        assertTrue(now.contains("consentry_outbox_oldest_pending_seconds"), now);
    }

    /** The sum of the samples of {@code name} whose labels contain {@code label} (0 when there is none). */

}
