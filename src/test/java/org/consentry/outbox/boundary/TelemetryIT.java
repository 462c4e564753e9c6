package org.consentry.outbox.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.consentry.crmsync.connector.chatwoot.FakeChatwoot;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.consentry.testing.OtlpCollector;
import org.consentry.testing.StandIn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tracing switched on by configuration: one trace runs from the bot's handoff through the outbox's later
 * delivery (on a worker thread) to the recipient's HTTP call, exported over OTLP/HTTP to a collector on
 * loopback; no span carries the customer's name, e-mail, phone or id.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TelemetryIT {

    static final String DELIVER = "consentry.outbox.deliver";
    static final OtlpCollector COLLECTOR = new OtlpCollector();
    static final StandIn CHATWOOT = new StandIn();
    static final FakeChatwoot FAKE = new FakeChatwoot();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                otel.sdk.disabled=false
                otel.traces.exporter=otlp
                otel.exporter.otlp.protocol=http/protobuf
                otel.exporter.otlp.endpoint=%s
                otel.bsp.schedule.delay=100
                consentry.desk=chatwoot
                consentry.desk.chatwoot.url=%s
                consentry.desk.chatwoot.secret=%s
                consentry.desk.chatwoot.account-id=%d
                consentry.desk.chatwoot.inbox-id=%d
                consentry.desk.chatwoot.webhook-token=cw-telemetry-it-0123456789abcdefghijklmnopq
                consentry.desk.chatwoot.webhook-signing-secret=cw-signing-secret-telemetry-it
                consentry.desk.chatwoot.reveal-base-url=https://consentry.example.com
                consentry.outbox.poll-interval=PT0.2S
                """.formatted(COLLECTOR.endpoint(), CHATWOOT.url(""), FakeChatwoot.TOKEN, FakeChatwoot.ACCOUNT,
                FakeChatwoot.INBOX));
    }

    @BeforeAll
    static void up() {
        FAKE.account.startIdsAt(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1_000_000) * 1_000);
        CHATWOOT.answering(FAKE).up();
    }

    @AfterAll
    static void down() {
        CHATWOOT.down();
        COLLECTOR.close();
    }

    @ArquillianResource
    URL base;

    @Test
    @Proves(Duty.GDPR_25)
    void oneTraceFromTheHandoffThroughTheOutboxToTheRecipientWithoutPersonalData() throws Exception {
        Handoff handoff = new Handoff().withConsent();
        Api api = new Api(base);
        handoff.handOff(api);
        var consents = api.get("api/v1/subjects/" + handoff.subjectId + "/consents", Api.BOT);
        assertEquals(200, consents.status(), consents::toString); // the subject's id in the path: not in its span
        var audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=5", Api.ADMIN);
        assertEquals(200, audit.status(), audit::toString); // and in a query

        Eventually.until("the handoff's and its delivery's spans exported", Duration.ofSeconds(20),
                () -> !COLLECTOR.named("consentry.handoff").isEmpty() && COLLECTOR.spans.stream().anyMatch(s -> s.getName().contains("consents"))
                        && COLLECTOR.spans.stream().anyMatch(s -> s.getName().contains("audit"))
                        && COLLECTOR.named(DELIVER).stream()
                        .anyMatch(s -> attribute(s, "consentry.outbox.outcome").equals("Delivered")));
        Span handed = COLLECTOR.named("consentry.handoff").get(0);
        Span delivered = COLLECTOR.named(DELIVER).stream()
                .filter(s -> attribute(s, "consentry.outbox.outcome").equals("Delivered")).findFirst().orElseThrow();
        String trace = OtlpCollector.hex(handed.getTraceId());
        assertEquals(trace, OtlpCollector.hex(delivered.getTraceId()), "the delivery continues the handoff's trace");
        assertEquals(OtlpCollector.hex(handed.getSpanId()), OtlpCollector.hex(delivered.getParentSpanId()),
                "the delivery span is the handoff span's child, although it ran later on a worker thread");
        assertTrue(attribute(delivered, "consentry.outbox.kind").startsWith("desk."), delivered.toString());
        assertTrue(attribute(delivered, "consentry.outbox.entry_id").matches("[0-9a-f-]{36}"), delivered.toString());
        assertFalse(handed.getParentSpanId().isEmpty(), "the handoff span is a child of the request's server span");

        List<String> carried = CHATWOOT.received.stream().map(r -> r.header("traceparent")).toList();
        assertFalse(carried.isEmpty(), "Chatwoot was called");
        String expected = "00-" + trace + "-" + OtlpCollector.hex(delivered.getSpanId()) + "-01";
        assertTrue(carried.contains(expected), "the recipient's call carries the delivery span as parent: " + carried);

        Span consentsSpan = COLLECTOR.spans.stream().filter(s -> s.getName().contains("consents")).findFirst().orElseThrow();
        assertEquals("/api/v1/subjects/{subjectId}/consents", attribute(consentsSpan, "url.path"), consentsSpan.toString());
        List<String> canaries = new ArrayList<>(List.of(Handoff.secrets()));
        canaries.add(handoff.subjectId);
        for (Span span : COLLECTOR.spans) {
            String exported = text(span);
            for (String canary : canaries) {
                assertFalse(exported.contains(canary), "span " + span.getName() + " carries personal data: " + exported);
            }
        }
    }

    private static String attribute(Span span, String key) {
        return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).findFirst()
                .map(a -> a.getValue().hasStringValue() ? a.getValue().getStringValue() : a.getValue().toString()).orElse("");
    }

    /** Everything a span exports that could hold text: name, attributes, events and links with theirs. */
    private static String text(Span span) {
        Stream<KeyValue> all = Stream.concat(span.getAttributesList().stream(), Stream.concat(
                span.getEventsList().stream().flatMap(e -> e.getAttributesList().stream()),
                span.getLinksList().stream().flatMap(l -> l.getAttributesList().stream())));
        return span.getName() + " " + span.getEventsList().stream().map(e -> e.getName()).toList() + " "
                + all.map(a -> a.getKey() + "=" + value(a.getValue())).toList();
    }

    private static String value(AnyValue value) {
        if (value.hasStringValue()) {
            return value.getStringValue();
        }
        if (value.hasArrayValue()) {
            return value.getArrayValue().getValuesList().stream().map(TelemetryIT::value).toList().toString();
        }
        if (value.hasKvlistValue()) {
            return value.getKvlistValue().getValuesList().stream().map(kv -> kv.getKey() + "=" + value(kv.getValue())).toList().toString();
        }
        return value.toString();
    }
}
