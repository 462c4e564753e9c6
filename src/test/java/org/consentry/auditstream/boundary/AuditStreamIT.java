package org.consentry.auditstream.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.control.SubjectRefs;
import org.consentry.audit.entity.Outcome;
import org.consentry.auditstream.control.SinkBacklog;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail streamed to a syslog receiver over TLS (in this test, on loopback, parsing strictly) and
 * to a JSON-lines file rotated by size: the receiver stopped for 60 s loses nothing and sees the chain in
 * order once it is back, while requests answer as before and the file sink keeps up; checkpoints arrive
 * signed and the chain extends them; a receiver whose certificate does not name the configured host gets
 * nothing.
 */
@ExtendWith(ArquillianExtension.class)
@Proves(Duty.GDPR_32)
class AuditStreamIT {

    private static final Path DIR = Path.of("target", "audit-stream-it").toAbsolutePath();
    private static SyslogTlsReceiver receiver;

    @Deployment
    static WebArchive deployment() throws Exception {
        String password = UUID.randomUUID().toString();
        ReceiverKeys.make(DIR, password);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String config = String.join("\n",
                "consentry.audit.link-interval=PT0.5S",
                "consentry.audit.ship-interval=PT0.5S",
                "consentry.audit.checkpoint.every-events=25",
                "consentry.audit.checkpoint.every=PT10M",
                "consentry.audit.sinks=it-syslog,it-file,it-wrongname",
                "consentry.audit.sink.it-syslog.type=syslog-tls",
                "consentry.audit.sink.it-syslog.host=localhost",
                "consentry.audit.sink.it-syslog.port=" + port,
                "consentry.audit.sink.it-syslog.truststore=" + DIR.resolve("trust.p12"),
                "consentry.audit.sink.it-syslog.truststore-password=" + password,
                "consentry.audit.sink.it-syslog.timeout=PT20S",
                "consentry.audit.sink.it-wrongname.type=syslog-tls",
                "consentry.audit.sink.it-wrongname.host=127.0.0.1",
                "consentry.audit.sink.it-wrongname.port=" + port,
                "consentry.audit.sink.it-wrongname.truststore=" + DIR.resolve("trust.p12"),
                "consentry.audit.sink.it-wrongname.truststore-password=" + password,
                "consentry.audit.sink.it-file.type=file",
                "consentry.audit.sink.it-file.path=" + DIR.resolve("files").resolve("audit.jsonl"),
                "consentry.audit.sink.it-file.max-bytes=4096",
                "consentry.audit.sink.it-file.keep=3",
                "it.receiver.port=" + port,
                "it.receiver.keystore=" + DIR.resolve("receiver.p12"),
                "it.receiver.password=" + password);
        return Deployments.component("audit-stream-it", config, "auditstream");
    }

    @ArquillianResource
    URL base;

    @Inject
    AuditTrail trail;

    @Inject
    SubjectRefs refs;

    @Inject
    SinkBacklog backlog;

    @Inject
    AuditShipper shipper;

    @Inject
    MetricRegistry registry;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    Db db;
    Api api;

    @BeforeEach
    void setUp() throws Exception {
        db = new Db(dataSource);
        api = new Api(base);
        synchronized (AuditStreamIT.class) {
            if (receiver == null) {
                var config = ConfigProvider.getConfig();
                receiver = new SyslogTlsReceiver(config.getValue("it.receiver.port", Integer.class),
                        Path.of(config.getValue("it.receiver.keystore", String.class)),
                        config.getValue("it.receiver.password", String.class).toCharArray());
                receiver.start();
            }
        }
    }

    @Test
    void aReceiverDownForSixtySecondsLosesNothingSeesTheChainInOrderAndBlocksNoRequest() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            subjects.add(hold());
        }
        awaitReceived(subjects);

        receiver.stop();
        long down = System.nanoTime();
        Duration slowest = Duration.ZERO;
        while (Duration.ofNanos(System.nanoTime() - down).compareTo(Duration.ofSeconds(60)) < 0) {
            long start = System.nanoTime();
            subjects.add(hold());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            Thread.sleep(2000); // paces the requests over the outage; nothing waits on it
        }
        awaitShipped("it-file", subjects, "the file sink keeps up while the receiver is down");
        assertTrue(backlog.of("it-syslog").unshipped() >= 25, "the receiver's events wait in the audit table");
        assertTrue(shipper.failing("it-syslog"), "the shipper reports the receiver unreachable");
        assertTrue(slowest.compareTo(Duration.ofSeconds(5)) < 0, "no request waited on the sink (whose timeout is 20 s): slowest "
                + slowest.toMillis() + " ms of " + (subjects.size() - 3));
        receiver.start();

        awaitReceived(subjects);
        List<Long> firstSeen = new ArrayList<>(new LinkedHashSet<>(events().stream()
                .map(m -> Long.parseLong(m.data().get("audit@32473").get("seq"))).toList()));
        for (int i = 1; i < firstSeen.size(); i++) {
            assertEquals(firstSeen.get(i - 1) + 1, firstSeen.get(i), "every position, in chain order, none left out");
        }
        for (String subject : subjects) {
            Map<String, String> sd = eventOf(subject).data().get("audit@32473");
            Map<String, Object> row = db.rows("SELECT id, chain_seq, outcome FROM audit_event WHERE subject_ref = ? AND action = ?",
                    refs.of(subject), "retention.hold").get(0);
            assertEquals(String.valueOf(row.get("id")), sd.get("id"));
            assertEquals(String.valueOf(row.get("chain_seq")), sd.get("seq"));
            assertEquals("DONE", sd.get("outcome"));
        }
        assertEquals(List.of(), receiver.violations(), "every frame and message kept to RFC 5425 and RFC 5424");
        awaitShipped("it-syslog", subjects, "the receiver's cursor passes every event");
        Eventually.until("the gauge of the receiver's backlog falls to 0", Duration.ofSeconds(30),
                () -> backlog.of("it-syslog").unshipped() == 0);
        assertFalse(shipper.failing("it-syslog"));
    }

    @Test
    void theFileSinkRotatesBySizeKeepingWholeLinesAndAContiguousTail() throws Exception {
        String subject = "rotation-" + UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            trail.record(AuditEntry.of("test.rotation", Outcome.DONE).subject(subject).detail("line " + i + " " + "x".repeat(100)));
        }
        awaitShipped("it-file", List.of(subject), "the file sink has every event");
        // the path as configured (made on the client side): the server's working folder is another
        Path file = Path.of(ConfigProvider.getConfig().getValue("consentry.audit.sink.it-file.path", String.class));
        assertTrue(Files.exists(file.resolveSibling("audit.jsonl.1")), "rotated at least once");
        assertFalse(Files.exists(file.resolveSibling("audit.jsonl.4")), "keeps three rotated files");
        List<JsonObject> lines = new ArrayList<>();
        for (String name : List.of("audit.jsonl.3", "audit.jsonl.2", "audit.jsonl.1", "audit.jsonl")) {
            Path part = file.resolveSibling(name);
            if (Files.exists(part)) {
                assertTrue(Files.size(part) <= 4096, name + " within max-bytes: " + Files.size(part));
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    lines.add(Json.createReader(new StringReader(line)).readObject());
                }
            }
        }
        long previous = -1;
        for (JsonObject line : lines) {
            long seq = line.getJsonNumber("seq").longValue();
            if ("checkpoint".equals(line.getString("type"))) {
                assertEquals(previous, seq, "a checkpoint follows the event it states");
            } else {
                assertTrue(previous < 0 || seq == previous + 1, "contiguous: " + previous + " then " + seq);
                previous = seq;
            }
        }
        Number shipped = (Number) db.rows("SELECT shipped_seq FROM audit_sink_cursor WHERE sink = 'it-file'").get(0).get("shipped_seq");
        assertEquals(shipped.longValue(), previous, "the newest file ends where the cursor stands");
    }

    @Test
    void checkpointsArriveSignedAndTheChainExtendsThem() throws Exception {
        String subject = "checkpoints-" + UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            trail.record(AuditEntry.of("test.checkpoint", Outcome.DONE).subject(subject));
        }
        Eventually.until("a checkpoint reached the receiver", Duration.ofSeconds(60),
                () -> receiver.received().stream().anyMatch(m -> "checkpoint".equals(m.msgId())));
        Rfc5424Parser.Message last = receiver.received().stream().filter(m -> "checkpoint".equals(m.msgId()))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(13 * 8 + 5, last.pri(), "facility log audit, severity notice");
        JsonObject line = Json.createReader(new StringReader(last.msg())).readObject();
        Map<String, String> sd = last.data().get("audit@32473");
        assertEquals(line.getString("signature"), sd.get("signature"), "the structured data and the JSON agree");
        assertEquals(String.valueOf(line.getJsonNumber("seq").longValue()), sd.get("seq"));

        var proven = api.post("api/v1/audit/verification", Api.ADMIN, last.msg());
        assertEquals(200, proven.status(), proven::toString);
        assertTrue(proven.json().getBoolean("valid"));

        String forged = last.msg().replace(line.getString("at"), "2020-01-01T00:00:00Z");
        var refused = api.post("api/v1/audit/verification", Api.ADMIN, forged);
        assertEquals(422, refused.status(), refused::toString);
    }

    @Test
    void aReceiverWhoseCertificateDoesNotNameTheConfiguredHostGetsNothing() throws Exception {
        String subject = hold();
        awaitReceived(List.of(subject)); // the receiver is up: the sink to "localhost" delivers
        long failuresBefore = failures("it-wrongname");
        Eventually.until("the sink to 127.0.0.1 tried again while the receiver was up", Duration.ofSeconds(30),
                () -> failures("it-wrongname") > failuresBefore);
        assertTrue(shipper.failing("it-wrongname"));
        assertEquals(0L, ((Number) db.rows("SELECT shipped_seq FROM audit_sink_cursor WHERE sink = 'it-wrongname'").get(0)
                .get("shipped_seq")).longValue(), "nothing counts as shipped to a host the certificate does not name");
        assertTrue(backlog.of("it-wrongname").unshipped() > 0);
    }

    private long failures(String sink) {
        return registry.counter("consentry.audit.sink.failures", new Tag("sink", sink)).getCount();
    }

    private String hold() {
        String subject = "stream-" + UUID.randomUUID();
        var reply = api.post("api/v1/subjects/" + subject + "/legal-hold", Api.ADMIN, "{\"reason\":\"audit stream outage test\"}");
        assertEquals(201, reply.status(), reply::toString);
        return subject;
    }

    /** Waits until every event of the subjects is linked and the sink's cursor has passed the last (read in the database). */
    private void awaitShipped(String sink, List<String> subjects, String what) throws Exception {
        List<String> refList = subjects.stream().map(refs::of).toList();
        Eventually.until(what, Duration.ofSeconds(30), () -> {
            long last = 0;
            for (String ref : refList) {
                for (Map<String, Object> row : db.rows("SELECT chain_seq FROM audit_event WHERE subject_ref = ?", ref)) {
                    if (row.get("chain_seq") == null) {
                        return false;
                    }
                    last = Math.max(last, ((Number) row.get("chain_seq")).longValue());
                }
            }
            List<Map<String, Object>> cursor = db.rows("SELECT shipped_seq FROM audit_sink_cursor WHERE sink = ?", sink);
            return last > 0 && !cursor.isEmpty() && ((Number) cursor.get(0).get("shipped_seq")).longValue() >= last;
        });
    }

    private void awaitReceived(List<String> subjects) throws Exception {
        Set<String> wanted = new LinkedHashSet<>();
        subjects.forEach(s -> wanted.add(refs.of(s)));
        Eventually.until("the receiver has the events of " + subjects.size() + " requests", Duration.ofSeconds(90),
                () -> events().stream().map(m -> m.data().get("audit@32473").get("subjectRef")).toList().containsAll(wanted));
    }

    private List<Rfc5424Parser.Message> events() {
        return receiver.received().stream().filter(m -> "audit-event".equals(m.msgId())).toList();
    }

    private Rfc5424Parser.Message eventOf(String subject) {
        String ref = refs.of(subject);
        return events().stream().filter(m -> ref.equals(m.data().get("audit@32473").get("subjectRef"))
                && "retention.hold".equals(m.data().get("audit@32473").get("action"))).findFirst().orElseThrow();
    }
}
